"""Masking a person's name for display (a complainant, a natural person in 双公示): the first
character kept, the rest starred (phone numbers: `sunshine_kit.personal_data.mask_phone`)."""

from __future__ import annotations


def mask_name(name: str) -> str:
    """张三 → 张*, 欧阳娜娜 → 欧***."""
    name = name.strip()
    if not name:
        return ""
    return name[0] + "*" * max(len(name) - 1, 1)
