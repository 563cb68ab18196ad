"""The hall service's settings: its own personal-data key and electronic supervision's."""

from __future__ import annotations

from pydantic import Field

from sunshine_kit.personal_data import PersonalDataSettings


class HallSettings(PersonalDataSettings):
    """Every field maps to an environment variable (HALL_ none: the names are the fields')."""

    service_name: str = "hall"
    # 黄牌预警: a case is yellow when at most this many working days are left to its promised
    # date (cases.clock).
    warning_yellow_working_days: int = Field(1, ge=0, le=20)
    # The supervision sweep (电子监察): run in the app every this many seconds; off in tests and
    # tools, which call the sweep themselves.
    supervision_sweep_enabled: bool = True
    supervision_sweep_seconds: float = Field(60.0, gt=0)
