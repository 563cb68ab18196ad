"""The service items' API: the staff's working copy, the published versions, the public guide."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from sunshine_hall.items.models import HallLevel, ItemCategory, ItemKind, ItemStatus, MaterialForm
from sunshine_kit.ids import MAX_ID
from sunshine_kit.vocabulary import Term

# A working-day limit: 法定时限 runs to a few months at most (e.g. 60 working days).
Days = Annotated[int, Field(ge=0, le=365, description="工作日")]
Fen = Annotated[int, Field(ge=0, le=100_000_000_00, description="金额（分）")]
ShortText = Annotated[str, Field(max_length=200)]
LongText = Annotated[str, Field(max_length=20_000)]
ItemCode = Annotated[
    str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9-]+$", description="事项编码")
]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class FilePurpose(StrEnum):
    BLANK = "blank"  # 空白表格
    SAMPLE = "sample"  # 示范文本


class MaterialIn(BaseModel):
    name: Annotated[str, Field(min_length=1, max_length=200, description="材料名称")]
    form: MaterialForm = MaterialForm.ORIGINAL_AND_COPY
    copies: Annotated[int, Field(ge=1, le=99, description="份数")] = 1
    required: bool = True
    source: ShortText = Field("", description="材料来源，如申请人自备")
    note: Annotated[str, Field(max_length=2000, description="填报说明")] = ""


class MaterialUpdate(BaseModel):
    name: Annotated[str | None, Field(min_length=1, max_length=200)] = None
    form: MaterialForm | None = None
    copies: Annotated[int | None, Field(ge=1, le=99)] = None
    required: bool | None = None
    source: Annotated[str | None, Field(max_length=200)] = None
    note: Annotated[str | None, Field(max_length=2000)] = None


class MaterialOrder(BaseModel):
    material_ids: Annotated[list[Id], Field(max_length=200, description="材料的新顺序")]


class FileOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    purpose: FilePurpose
    filename: str
    content_type: str
    size: int


class MaterialOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    form: MaterialForm
    copies: int
    required: bool
    source: str
    note: str
    files: list[FileOut] = []


class ItemFields(BaseModel):
    """The 八公开 of an item as staff write them."""

    name: Annotated[str, Field(min_length=1, max_length=200, description="事项名称")]
    category: ItemCategory
    hall_level: HallLevel
    kind: ItemKind
    legal_basis: LongText = Field("", description="设定依据")
    conditions: LongText = Field("", description="受理条件")
    procedure: LongText = Field("", description="办理流程")
    legal_limit_days: Days | None = Field(None, description="法定办结时限；即办件为0，可省略")
    promised_limit_days: Days | None = Field(None, description="承诺办结时限；即办件为0，可省略")
    fee_basis: LongText = Field("", description="收费依据")
    fee_standard: Annotated[str, Field(max_length=500, description="收费标准")] = ""
    fee_fen: Fen = 0
    authority: ShortText = Field("", description="办理机构")
    location: Annotated[str, Field(max_length=300, description="办理地点、窗口")] = ""
    hours: ShortText = Field("", description="办理时间")
    phone: Annotated[str, Field(max_length=100, description="咨询与监督电话")] = ""
    online: bool = False


class ItemIn(ItemFields):
    code: ItemCode
    unit_id: Id = Field(description="实施主体")


class ItemUpdate(BaseModel):
    """Changed fields of the working copy (a published item's guide is unchanged until the next
    publication)."""

    name: Annotated[str | None, Field(min_length=1, max_length=200)] = None
    category: ItemCategory | None = None
    hall_level: HallLevel | None = None
    kind: ItemKind | None = None
    legal_basis: Annotated[str | None, Field(max_length=20_000)] = None
    conditions: Annotated[str | None, Field(max_length=20_000)] = None
    procedure: Annotated[str | None, Field(max_length=20_000)] = None
    legal_limit_days: Days | None = None
    promised_limit_days: Days | None = None
    fee_basis: Annotated[str | None, Field(max_length=20_000)] = None
    fee_standard: Annotated[str | None, Field(max_length=500)] = None
    fee_fen: Fen | None = None
    authority: Annotated[str | None, Field(max_length=200)] = None
    location: Annotated[str | None, Field(max_length=300)] = None
    hours: Annotated[str | None, Field(max_length=200)] = None
    phone: Annotated[str | None, Field(max_length=100)] = None
    online: bool | None = None


class ItemContent(BaseModel):
    """An item's 八公开 and materials: the working copy's, or a published version's."""

    code: str
    unit_id: int
    name: str
    category: ItemCategory
    hall_level: HallLevel
    kind: ItemKind
    legal_basis: str
    conditions: str
    procedure: str
    legal_limit_days: int
    promised_limit_days: int
    fee_basis: str
    fee_standard: str
    fee_fen: int
    authority: str
    location: str
    hours: str
    phone: str
    online: bool
    materials: list[MaterialOut]


class ItemAction(StrEnum):
    PUBLISH = "publish"  # 发布（新版本）
    RETIRE = "retire"  # 取消事项


ACTION_LABELS: dict[ItemAction, str] = {ItemAction.PUBLISH: "发布", ItemAction.RETIRE: "取消事项"}


class StaffItem(ItemContent):
    """The working copy, with where it stands and what may be done next."""

    id: int
    unit_name: str
    status: ItemStatus
    version: int = Field(description="已发布的版本号，0为从未发布")
    draft_pending: bool = Field(description="有未发布的修改（办事指南仍显示已发布版本）")
    published_at: datetime | None
    updated_at: datetime
    actions: list[ItemAction]


class ItemSummary(BaseModel):
    id: int
    code: str
    name: str
    unit_id: int
    unit_name: str
    category: ItemCategory
    hall_level: HallLevel
    kind: ItemKind
    status: ItemStatus
    version: int
    draft_pending: bool
    updated_at: datetime


class ItemPage(BaseModel):
    items: list[ItemSummary]
    total: int
    page: int
    size: int


class VersionOut(BaseModel):
    version: int
    published_at: datetime
    published_by: str
    content: ItemContent


class GuideSummary(BaseModel):
    """One published item in the guide's list."""

    id: int
    code: str
    name: str
    unit_id: int
    unit_name: str
    category: ItemCategory
    hall_level: HallLevel
    kind: ItemKind
    promised_limit_days: int
    fee_fen: int
    online: bool


class GuidePage(BaseModel):
    items: list[GuideSummary]
    total: int
    page: int
    size: int


class GuidePlace(BaseModel):
    """Where to go: an open window accepting the item, in its centre."""

    centre_id: int
    centre_name: str
    address: str
    hours: str
    phone: str
    window_id: int
    window_number: int
    window_name: str


class GuideItem(ItemContent):
    """An item's page in the guide: its latest published version and where to go."""

    id: int
    unit_name: str
    version: int
    published_at: datetime
    places: list[GuidePlace]


class Facet(BaseModel):
    value: str
    label: str
    count: int


class GuideFacets(BaseModel):
    """How many published items each category, hall level and unit has (the guide's filters)."""

    categories: list[Facet]
    hall_levels: list[Facet]
    units: list[Facet]


class HallVocabulary(BaseModel):
    categories: list[Term]
    hall_levels: list[Term]
    kinds: list[Term]
    statuses: list[Term]
    material_forms: list[Term]
    file_purposes: list[Term]
    window_kinds: list[Term]
    item_actions: list[Term]
