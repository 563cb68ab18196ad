"""What the catalog's routes start from, as `Annotated` dependencies: the item (or proposal)
loaded by its path id and checked for the caller, the caller who may change the catalogue
template, the settings, and what the app keeps for its lifetime (the search index and cache,
the attachment storage).

All are coroutines, even those that only read `app.state`: FastAPI runs a plain function in its
thread pool, a cost the busiest routes (search, the item page) would pay on every request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from sunshine_catalog.attachments.storage import AttachmentStorage, storage_from_settings
from sunshine_catalog.columns.service import ensure_keeps_template
from sunshine_catalog.errors import PROPOSAL_NOT_FOUND
from sunshine_catalog.items.models import InformationItem
from sunshine_catalog.items.rules import ItemStep, ensure
from sunshine_catalog.items.service import get_item, visible_item
from sunshine_catalog.proposals.models import Proposal
from sunshine_catalog.search.cache import SearchCache
from sunshine_catalog.search.index import SearchIndex
from sunshine_catalog.settings import CatalogSettings
from sunshine_kit.auth import CurrentPrincipal, OptionalPrincipal, Principal
from sunshine_kit.db import SessionDep
from sunshine_kit.errors import ROLE_FORBIDDEN, Forbidden, NotFound
from sunshine_kit.ids import RecordId
from sunshine_kit.roles import Can
from sunshine_kit.units.service import ensure_can_act_on


async def get_settings(request: Request) -> CatalogSettings:
    settings: CatalogSettings = request.app.state.settings
    return settings


Settings = Annotated[CatalogSettings, Depends(get_settings)]


async def get_province_url(settings: Settings) -> str:
    """Where every change of the catalogue is pushed; empty: nowhere."""
    return settings.province_push_url


ProvinceUrl = Annotated[str, Depends(get_province_url)]


async def get_search_index(request: Request) -> SearchIndex:
    index: SearchIndex = request.app.state.search_index
    return index


async def get_search_cache(request: Request) -> SearchCache[bytes]:
    cache: SearchCache[bytes] = request.app.state.search_cache
    return cache


SearchIndexDep = Annotated[SearchIndex, Depends(get_search_index)]
SearchCacheDep = Annotated[SearchCache[bytes], Depends(get_search_cache)]


async def get_storage(request: Request, settings: Settings) -> AttachmentStorage:
    """The storage the settings choose, made once per app."""
    state = request.app.state
    storage: AttachmentStorage | None = getattr(state, "attachment_storage", None)
    if storage is None:
        storage = state.attachment_storage = storage_from_settings(settings)
    return storage


StorageDep = Annotated[AttachmentStorage, Depends(get_storage)]


async def item_for_staff(
    item_id: RecordId, session: SessionDep, principal: CurrentPrincipal
) -> InformationItem:
    """The item of the path, if the caller works on the catalogue and may act on its unit
    (403 for another role, 404 when there is none, 403 for another unit's)."""
    if not principal.can(Can.READ_ITEMS):
        raise Forbidden("当前角色无权查看未公开的信息", code=ROLE_FORBIDDEN)
    item = await get_item(session, item_id)
    await ensure_can_act_on(session, principal, item.unit_id)
    return item


async def item_for_reader(
    item_id: RecordId, session: SessionDep, principal: OptionalPrincipal
) -> InformationItem:
    """The item of the path if published, or if the caller may act on its unit (else 404)."""
    return await visible_item(session, principal, item_id)


ItemForStaff = Annotated[InformationItem, Depends(item_for_staff)]
ItemForReader = Annotated[InformationItem, Depends(item_for_reader)]


async def item_for_attachments(
    item: ItemForStaff, session: SessionDep, principal: CurrentPrincipal
) -> InformationItem:
    """The item of the path, if the caller may change its attachments now (role, unit scope,
    status): an upload route checks this before it reads a byte of the file."""
    await ensure(session, principal, item, ItemStep.ATTACHMENTS)
    return item


ItemForAttachments = Annotated[InformationItem, Depends(item_for_attachments)]


async def template_keeper(session: SessionDep, principal: CurrentPrincipal) -> Principal:
    """The caller, if they may change the district-wide catalogue template (else 403)."""
    await ensure_keeps_template(session, principal)
    return principal


TemplateKeeper = Annotated[Principal, Depends(template_keeper)]


async def proposal_for_staff(
    proposal_id: RecordId, session: SessionDep, principal: CurrentPrincipal
) -> Proposal:
    """The proposal of the path, if the caller may act on its unit (404, else 403)."""
    proposal = await session.get(Proposal, proposal_id)
    if proposal is None:
        raise NotFound("建议不存在", code=PROPOSAL_NOT_FOUND)
    await ensure_can_act_on(session, principal, proposal.unit_id)
    return proposal


ProposalForStaff = Annotated[Proposal, Depends(proposal_for_staff)]
