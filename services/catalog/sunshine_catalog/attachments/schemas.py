from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class AttachmentOut(BaseModel):
    """附件 as listed with its item: the file kept is the one with metadata removed."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    item_id: int
    filename: str = Field(description="文件名")
    content_type: str
    size: int = Field(description="字节数")
    sha256: str = Field(description="所存文件的 SHA-256")
    scrubbed: bool = Field(description="已清除作者、单位、批注、修订记录、拍摄位置等元数据")
    created_at: datetime
