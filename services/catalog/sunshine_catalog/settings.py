from __future__ import annotations

from pathlib import Path

from sunshine_kit.settings import Settings


class CatalogSettings(Settings):
    service_name: str = "catalog"
    # Where every change of the catalogue is pushed (the provincial platform); empty: no push.
    province_push_url: str = ""
    # Attachments: "local" keeps files under attachment_dir; "s3" uses the S3_* settings. Their
    # size limit is the kit's ATTACHMENT_MAX_BYTES, which the body limit applies to uploads.
    attachment_storage: str = "local"
    attachment_dir: Path = Path("var/attachments")
    s3_endpoint_url: str = ""
    s3_bucket: str = "sunshine-attachments"
    s3_access_key: str = ""
    s3_secret_key: str = ""
    s3_region: str = "us-east-1"
    # The search index (search.index): kept in this directory, it survives restarts and only the
    # changes since are applied; unset, it is held in memory and built at each start.
    search_index_dir: Path | None = None
    # What building the index may buffer, in MB; more makes fewer segments and faster searches.
    search_index_memory_mb: int = 256
