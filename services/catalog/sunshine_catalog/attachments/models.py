from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from sunshine_kit.db import Base, utcnow


class Attachment(Base):
    """附件: a file of an information item, kept only as scrubbed of its drafters' metadata."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    # Deleting a never-published draft takes its attachments' rows with it.
    item_id: Mapped[int] = mapped_column(
        ForeignKey("information_item.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(200), comment="原文件名（已清理）")
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(comment="字节数（清理后）")
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(200), unique=True)
    # True when metadata was removed; False only for formats that carry none (plain text).
    scrubbed: Mapped[bool]
    uploaded_by: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
