"""Why an upload is refused: the reason its uploader reads, and the code the API answers."""

from __future__ import annotations


class Refused(Exception):
    """The file is not accepted; `reason` is what the uploader reads."""

    def __init__(self, reason: str, code: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


DAMAGED_MESSAGE = "文件已损坏或无法读取"
