"""The Mutation root: analysts' decisions, labels, actors and detection runs (analyst or admin only).

Every decision records who (the API key's name) and when on the graph, and appends a `:Decision` record to
the campaign's case history in the same transaction; detection carries both over.
"""

from __future__ import annotations

import asyncio

import strawberry

from app.api.context import Info
from app.api.errors import ConflictError, InvalidInputError, NotFoundError
from app.api.fields import mutation
from app.api.permissions import IsAnalyst
from app.api.types.actors import Actor, Label
from app.api.types.alerts import Watch, WatchInput
from app.api.types.campaigns import ActorAttribution, Campaign
from app.api.types.runs import DetectionRun, RunKind
from app.domain.actor import actor_id
from app.domain.label import graph_key
from app.domain.vocabulary import CampaignStatus, LabelEntity
from app.platform.logging import get_logger
from app.services import actors as actor_service
from app.services import alerts as alert_service
from app.services import attribution as attribution_service
from app.services import campaigns as campaign_service
from app.services import runs as run_service
from app.services.actors import ActorExistsError

log = get_logger(__name__)
MAX_NOTE = 2000
MAX_ACTOR_NAME = 200
MAX_WATCH_KEY = 500


def _note(note: str | None) -> str | None:
    if note is not None and len(note) > MAX_NOTE:
        raise InvalidInputError(f"note longer than {MAX_NOTE} characters")
    return note


# The graph's own vocabulary is the GraphQL enum: one list of label entity kinds, not two.
strawberry.enum(LabelEntity)


@strawberry.input
class LabelInput:
    entity: LabelEntity
    value: str = strawberry.field(
        description="Natural key; for an instrument the raw token (hashed, never stored)."
    )
    actor_id: strawberry.ID
    confidence: float = 1.0
    source: str = "analyst"
    note: str | None = None
    campaign_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The campaign the entity is labelled from: the label joins its case history.",
    )


async def _decide(info: Info, id: strawberry.ID, status: CampaignStatus, note: str | None) -> Campaign:
    row = await campaign_service.decide(info.context.graph, str(id), status, info.context.who, _note(note))
    if row is None:
        raise NotFoundError(f"no campaign {str(id)[:64]!r}")
    return Campaign.of(row)


@strawberry.type
class Mutation:
    @mutation(permission_classes=[IsAnalyst], description="Confirm a campaign (kept across runs).")
    async def confirm_campaign(self, info: Info, id: strawberry.ID, note: str | None = None) -> Campaign:
        return await _decide(info, id, CampaignStatus.CONFIRMED, note)

    @mutation(permission_classes=[IsAnalyst], description="Dismiss a campaign (kept across runs).")
    async def dismiss_campaign(self, info: Info, id: strawberry.ID, note: str | None = None) -> Campaign:
        return await _decide(info, id, CampaignStatus.DISMISSED, note)

    @mutation(
        permission_classes=[IsAnalyst],
        description="Attribute a campaign to an actor; overrides automatic proposals.",
    )
    async def attribute_campaign(
        self, info: Info, campaign_id: strawberry.ID, actor_id: strawberry.ID, note: str | None = None
    ) -> ActorAttribution:
        claim = await attribution_service.confirm(
            info.context.graph, str(campaign_id), str(actor_id), info.context.who, _note(note)
        )
        if claim is None:
            raise NotFoundError("no such campaign or actor")
        return ActorAttribution.of(claim)

    @mutation(
        permission_classes=[IsAnalyst],
        description="Reject a campaign's attribution to an actor (kept across runs).",
    )
    async def reject_attribution(
        self, info: Info, campaign_id: strawberry.ID, actor_id: strawberry.ID, note: str | None = None
    ) -> ActorAttribution:
        claim = await attribution_service.reject(
            info.context.graph, str(campaign_id), str(actor_id), info.context.who, _note(note)
        )
        if claim is None:
            raise NotFoundError("no such campaign or actor")
        return ActorAttribution.of(claim)

    @mutation(permission_classes=[IsAnalyst], description="Create an actor (id = slug of the name).")
    async def create_actor(self, info: Info, name: str, aliases: list[str] | None = None) -> Actor:
        name = name.strip()
        invalid = InvalidInputError(
            f"an actor needs a name of 1-{MAX_ACTOR_NAME} characters with letters or digits"
        )
        if len(name) > MAX_ACTOR_NAME:
            raise invalid
        try:
            actor_id(name)
        except ValueError as exc:
            raise invalid from exc
        try:
            row = await actor_service.create(info.context.graph, name, list(aliases or []), info.context.who)
        except ActorExistsError as exc:
            raise ConflictError(f"actor {exc.args[0]!r} already exists") from exc
        return Actor.of(row)

    @mutation(permission_classes=[IsAnalyst], description="Label an existing entity as an actor's.")
    async def add_label(self, info: Info, input: LabelInput) -> Label:
        if not 0.0 <= input.confidence <= 1.0:
            raise InvalidInputError("confidence must be between 0 and 1")
        entity = input.entity
        try:
            key = graph_key(entity, input.value, info.context.settings.hash_key())
        except ValueError as exc:  # the reason never quotes the value: it may be a card number
            raise InvalidInputError(f"{entity.value}: {exc}") from exc
        row = await actor_service.add_label(
            info.context.graph,
            entity,
            key,
            str(input.actor_id),
            input.confidence,
            input.source[:100],
            _note(input.note),
            info.context.who,
            campaign_id=None if input.campaign_id is None else str(input.campaign_id),
        )
        if row is None:
            what = "actor" if input.campaign_id is None else "actor or campaign"
            raise NotFoundError(f"no such {entity.value} or {what}")
        return Label.of(entity.value, str(key), row["actor"]["actor_id"], row["edge"])

    @mutation(
        permission_classes=[IsAnalyst],
        description="Watch an entity: a campaign that reaches it later raises `watch.joined`. Campaigns it "
        "is in already are listed, not alerted. Watching the same entity again returns the same watch.",
    )
    async def add_watch(self, info: Info, input: WatchInput) -> Watch:
        entity = input.entity
        try:
            # The label rules are the watch rules: canonical IPs and domains, an instrument's keyed hash.
            key = graph_key(LabelEntity(entity.value), input.value, info.context.settings.hash_key())
        except ValueError as exc:  # the reason never quotes the value: it may be a card number
            raise InvalidInputError(f"{entity.value}: {exc}") from exc
        if not str(key) or len(str(key)) > MAX_WATCH_KEY:
            raise InvalidInputError(f"{entity.value}: give a value of 1-{MAX_WATCH_KEY} characters")
        row = await alert_service.add_watch(
            info.context.graph, entity, str(key), _note(input.note), info.context.who
        )
        return Watch.of(row)

    @mutation(permission_classes=[IsAnalyst], description="Stop watching an entity.")
    async def remove_watch(self, info: Info, id: strawberry.ID) -> Watch:
        row = await alert_service.remove_watch(info.context.graph, str(id))
        if row is None:
            raise NotFoundError(f"no watch {str(id)[:64]!r}")
        return Watch.of(row)

    @mutation(
        permission_classes=[IsAnalyst],
        description="Queue a detection run; a worker (`linkwatch worker`) executes it. INCREMENTAL "
        "recomputes only what loads since the last run touched (a full run if none ran before).",
    )
    async def trigger_detection_run(self, info: Info, kind: RunKind = RunKind.FULL) -> DetectionRun:
        from app.jobs import runner

        # Only queued here: detection would hold this API worker's CPU for minutes and die with a restart.
        # queue_run uses the synchronous driver: keep it off the event loop.
        run_id = await asyncio.to_thread(
            runner.queue_run, info.context.settings, info.context.who, trigger="api", kind=kind.value
        )
        row = await run_service.get(info.context.graph, run_id)
        if row is None:
            raise NotFoundError(f"run {run_id} was queued but is not visible yet")
        return DetectionRun.of(row)
