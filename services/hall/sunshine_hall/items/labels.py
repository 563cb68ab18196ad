"""The Chinese names of the items' and windows' codes, served at `GET /guide/vocabulary`."""

from __future__ import annotations

from sunshine_hall.items.models import HallLevel, ItemCategory, ItemKind, ItemStatus, MaterialForm
from sunshine_hall.windows.models import WindowKind

CATEGORY_LABELS: dict[ItemCategory, str] = {
    ItemCategory.LICENSING: "行政许可",
    ItemCategory.BENEFIT: "行政给付",
    ItemCategory.CONFIRMATION: "行政确认",
    ItemCategory.LEVY: "行政征收",
    ItemCategory.REWARD: "行政奖励",
    ItemCategory.ADJUDICATION: "行政裁决",
    ItemCategory.OTHER_POWER: "其他行政权力",
    ItemCategory.PUBLIC_SERVICE: "公共服务",
}
HALL_LEVEL_LABELS: dict[HallLevel, str] = {
    HallLevel.DISTRICT: "区级",
    HallLevel.STREET: "街道（乡镇）",
    HallLevel.COMMUNITY: "社区（村）",
}
KIND_LABELS: dict[ItemKind, str] = {ItemKind.INSTANT: "即办件", ItemKind.PROMISED: "承诺件"}
STATUS_LABELS: dict[ItemStatus, str] = {
    ItemStatus.DRAFT: "未发布",
    ItemStatus.PUBLISHED: "已发布",
    ItemStatus.RETIRED: "已取消",
}
MATERIAL_FORM_LABELS: dict[MaterialForm, str] = {
    MaterialForm.ORIGINAL: "原件",
    MaterialForm.COPY: "复印件",
    MaterialForm.ORIGINAL_AND_COPY: "原件及复印件",
    MaterialForm.ELECTRONIC: "电子文件",
}
WINDOW_KIND_LABELS: dict[WindowKind, str] = {
    WindowKind.COMPREHENSIVE: "综合窗口",
    WindowKind.UNIT: "部门窗口",
    WindowKind.GREEN_CHANNEL: "绿色通道",
}
