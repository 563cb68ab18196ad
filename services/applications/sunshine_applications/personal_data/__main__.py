"""Re-encrypt personal data with the current key: `python -m sunshine_applications.personal_data`
(after a key rotation; see `rotation`)."""

from __future__ import annotations

import asyncio

from sunshine_applications.personal_data.rotation import reseal
from sunshine_applications.settings import ApplicationsSettings
from sunshine_kit import personal_data
from sunshine_kit.db import Database


async def main() -> None:
    settings = ApplicationsSettings()
    personal_data.use(personal_data.PersonalDataCipher.from_settings(settings))  # no key, no run
    database = Database(settings.database_url)
    try:
        async with database.sessionmaker() as session, session.begin():
            count = await reseal(session)
        print(f"applications: personal data of {count} records encrypted with the current key")
    finally:
        await database.dispose()


if __name__ == "__main__":
    asyncio.run(main())
