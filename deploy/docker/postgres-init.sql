-- One database per component, owned by the application role (POSTGRES_USER).
-- Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d).
-- Keep in sync with k8s/components/postgres/postgres.yaml (scripts/validate-deploy.sh checks).
CREATE DATABASE gateway;
CREATE DATABASE catalog;
CREATE DATABASE applications;
CREATE DATABASE hall;
CREATE DATABASE reporting;
