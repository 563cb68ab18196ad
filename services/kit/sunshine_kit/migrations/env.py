from sunshine_kit.migrate import run_env
from sunshine_kit.models import metadata

run_env(metadata, service_name="kit")
