from sunshine_applications.models import metadata
from sunshine_kit.migrate import run_env

run_env(metadata, service_name="applications")
