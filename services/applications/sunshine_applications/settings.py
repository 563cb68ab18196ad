from __future__ import annotations

from sunshine_kit.personal_data import PersonalDataSettings


class ApplicationsSettings(PersonalDataSettings):
    """The applications service's settings: its own key encrypts applicants' and askers'
    personal data at rest (sunshine_kit.personal_data)."""

    service_name: str = "applications"
