"""Every table of the gateway, for Alembic."""

from sunshine_gateway.identity.models import AuthSession, LoginLockout, User
from sunshine_kit.models import metadata

__all__ = ["AuthSession", "LoginLockout", "User", "metadata"]
