from sunshine_gateway.models import metadata
from sunshine_kit.migrate import run_env

run_env(metadata, service_name="gateway")
