"""Scorecard configuration: profiles per segment, weights, rules, validity, bands, cadence.

The configuration is JSON stored in the ``app_setting`` table under
``health.scorecard``. A profile applies to an account whose segment (or,
when the segment is empty, whose plan tier) equals one of the profile's
``applies_to`` values, compared case-insensitively; the first match wins
and the ``default`` profile takes every other account. Every change through
``save_config`` raises ``revision``, and snapshots record
``profile@revision`` so the timeline can mark a change of profile.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from csm_desktop.health.bands import Bands
from csm_desktop.health.catalogue import CATALOGUE, SPECS
from csm_desktop.health.engine import (
    BandRule,
    CoverageFloor,
    LinearRule,
    Measure,
    Scorecard,
    ScoringRule,
)
from csm_desktop.health.history import AccountHistory
from csm_desktop.services.settings import get_setting, set_setting

log = logging.getLogger(__name__)

CONFIG_KEY = "health.scorecard"
DEFAULT_PROFILE = "default"
DEFAULT_CADENCE_DAYS = 7
MAX_CADENCE_DAYS = 92


@dataclass(frozen=True)
class MeasureSetting:
    """A profile's settings for one measure; weight 0 turns the measure off."""

    weight: float
    rule: ScoringRule
    validity_days: int | None


@dataclass(frozen=True)
class Profile:
    """A named scorecard for the accounts whose segment or plan tier is in ``applies_to``."""

    key: str
    name: str
    applies_to: tuple[str, ...]
    measures: dict[str, MeasureSetting]
    bands: Bands = Bands()
    floor: CoverageFloor = CoverageFloor()
    stale_share: float = 0.5


@dataclass(frozen=True)
class ScorecardConfig:
    """Every profile, the snapshot cadence in days, and the configuration revision."""

    profiles: tuple[Profile, ...]
    cadence_days: int = DEFAULT_CADENCE_DAYS
    revision: int = 1

    def profile(self, key: str) -> Profile:
        for profile in self.profiles:
            if profile.key == key:
                return profile
        raise KeyError(f"Scorecard profile {key!r} not found.")

    def profile_for(self, segment: str | None, plan_tier: str | None) -> Profile:
        """Return the profile of an account with ``segment`` and ``plan_tier``."""
        probe = (segment or plan_tier or "").strip().casefold()
        if probe:
            for profile in self.profiles:
                if probe in (value.casefold() for value in profile.applies_to):
                    return profile
        return self.profile(DEFAULT_PROFILE)

    def version_of(self, profile: Profile) -> str:
        return f"{profile.key}@{self.revision}"


def default_settings(**weights: float) -> dict[str, MeasureSetting]:
    """Return the catalogue's settings, with ``weights`` replacing some default weights."""
    return {
        spec.key: MeasureSetting(weights.get(spec.key, spec.weight), spec.rule, spec.validity_days)
        for spec in CATALOGUE
    }


def default_config() -> ScorecardConfig:
    """Return the shipped configuration: a default profile, and enterprise and SMB profiles.

    Enterprise weighs relationship measures (NPS, engagement, seats) more
    and short-term usage less; SMB weighs usage more.
    """
    enterprise = default_settings(
        usage_trend_30=5, nps=15, engagement_recency=15, seat_utilisation=15
    )
    smb = default_settings(usage_trend_30=15, usage_trend=20, nps=5, engagement_recency=5)
    return ScorecardConfig(
        profiles=(
            Profile(DEFAULT_PROFILE, "Default", (), default_settings()),
            Profile("enterprise", "Enterprise", ("enterprise",), enterprise),
            Profile("smb", "SMB", ("smb", "basic"), smb),
        )
    )


def build_scorecard(config: ScorecardConfig, profile: Profile) -> Scorecard[AccountHistory]:
    """Build the engine scorecard of ``profile``, leaving out measures weighted 0."""
    measures = tuple(
        Measure(
            key=key,
            label=key,
            weight=setting.weight,
            rule=setting.rule,
            read=SPECS[key].read,
            group=SPECS[key].group,
            validity_days=setting.validity_days,
            read_dates=SPECS[key].read_dates,
        )
        for key, setting in profile.measures.items()
        if setting.weight > 0 and key in SPECS
    )
    return Scorecard(
        measures,
        bands=profile.bands,
        floor=profile.floor,
        version=config.version_of(profile),
        stale_share=profile.stale_share,
    )


# --- Validation -------------------------------------------------------------


def validate(config: ScorecardConfig) -> list[str]:
    """Return every problem in ``config`` as a sentence; an empty list means it is valid."""
    problems: list[str] = []
    keys = [profile.key for profile in config.profiles]
    if DEFAULT_PROFILE not in keys:
        problems.append("The default profile is missing.")
    if len(set(keys)) != len(keys):
        problems.append("Two profiles have the same key.")
    if not 1 <= config.cadence_days <= MAX_CADENCE_DAYS:
        problems.append(
            f"The snapshot cadence must be 1 to {MAX_CADENCE_DAYS} days, got {config.cadence_days}."
        )
    claimed: dict[str, str] = {}
    for profile in config.profiles:
        problems.extend(_profile_problems(profile))
        for value in profile.applies_to:
            owner = claimed.setdefault(value.casefold(), profile.name)
            if owner != profile.name:
                problems.append(f"'{value}' is assigned to both {owner} and {profile.name}.")
    return problems


def _profile_problems(profile: Profile) -> list[str]:
    problems = []
    name = profile.name or profile.key
    weights = [s.weight for s in profile.measures.values()]
    if any(not math.isfinite(w) or w < 0 for w in weights):
        problems.append(f"{name}: weights must be numbers of 0 or more.")
    if sum(1 for w in weights if w > 0) < profile.floor.min_measures:
        problems.append(
            f"{name}: fewer measures have a weight than the coverage floor requires "
            f"({profile.floor.min_measures}), so every account would read insufficient data."
        )
    for key, setting in profile.measures.items():
        if setting.validity_days is not None and setting.validity_days < 1:
            problems.append(f"{name}: the validity period of {key} must be at least 1 day.")
    return problems


# --- Rule text for the editor ----------------------------------------------


def rule_to_text(rule: ScoringRule) -> str:
    """Write a rule as editable text: ``0:0, 0.5:40, 1:75`` (linear) or ``100 | 1 | 50`` (bands)."""
    if isinstance(rule, LinearRule):
        return ", ".join(f"{v:g}:{s:g}" for v, s in rule.points)
    if isinstance(rule, BandRule):
        parts = [f"{rule.scores[0]:g}"]
        for edge, score in zip(rule.edges, rule.scores[1:], strict=True):
            parts += [f"{edge:g}", f"{score:g}"]
        return " | ".join(parts)
    raise TypeError(f"Unsupported scoring rule {rule!r}.")


def rule_from_text(text: str) -> ScoringRule:
    """Parse ``rule_to_text`` output; raise ValueError with a message fit for the user.

    ``value:score, value:score`` pairs make a linear rule. ``score | edge |
    score | ...`` makes a band rule: values below the first edge get the
    first score, from each edge on the score after it.
    """
    cleaned = text.strip()
    if not cleaned:
        raise ValueError("The rule is empty: write value:score pairs or score | edge | score.")
    try:
        if "|" in cleaned:
            numbers = [float(part) for part in cleaned.split("|")]
            if len(numbers) % 2 == 0:
                raise ValueError(
                    "A band rule alternates score | edge | score and ends with a score."
                )
            return BandRule(edges=tuple(numbers[1::2]), scores=tuple(numbers[0::2]))
        pairs = [part.split(":") for part in cleaned.split(",")]
        if any(len(pair) != 2 for pair in pairs):
            raise ValueError("A linear rule is a list of value:score pairs separated by commas.")
        return LinearRule(tuple((float(v), float(s)) for v, s in pairs))
    except ValueError as exc:
        raise ValueError(f"Invalid rule {cleaned!r}: {exc}") from exc


# --- JSON ------------------------------------------------------------------


def config_to_json(config: ScorecardConfig) -> str:
    """Serialise ``config``; ``config_from_json`` reads it back."""
    return json.dumps(
        {
            "revision": config.revision,
            "cadence_days": config.cadence_days,
            "profiles": [_profile_to_dict(p) for p in config.profiles],
        }
    )


def _profile_to_dict(profile: Profile) -> dict[str, Any]:
    return {
        "key": profile.key,
        "name": profile.name,
        "applies_to": list(profile.applies_to),
        "bands": [profile.bands.yellow_from, profile.bands.green_from],
        "floor": [profile.floor.min_measures, profile.floor.min_weight_share],
        "stale_share": profile.stale_share,
        "measures": {
            key: [s.weight, rule_to_text(s.rule), s.validity_days]
            for key, s in profile.measures.items()
        },
    }


def config_from_json(text: str) -> ScorecardConfig:
    """Parse a stored configuration; raise ValueError when it is malformed.

    Measures missing from a stored profile (added in a later version) get
    their catalogue defaults, and unknown measures are dropped.
    """
    try:
        raw = json.loads(text)
        profiles = tuple(_profile_from_dict(p) for p in raw["profiles"])
        return ScorecardConfig(
            profiles=profiles,
            cadence_days=int(raw.get("cadence_days", DEFAULT_CADENCE_DAYS)),
            revision=int(raw.get("revision", 1)),
        )
    except (KeyError, TypeError, json.JSONDecodeError) as exc:
        raise ValueError(f"Invalid scorecard configuration: {exc}") from exc


def _profile_from_dict(raw: dict[str, Any]) -> Profile:
    measures = default_settings()
    for key, (weight, rule, validity) in raw.get("measures", {}).items():
        if key in SPECS:
            measures[key] = MeasureSetting(float(weight), rule_from_text(rule), validity)
    yellow, green = raw.get("bands", [40.0, 70.0])
    min_measures, min_share = raw.get("floor", [2, 0.3])
    return Profile(
        key=str(raw["key"]),
        name=str(raw.get("name", raw["key"])),
        applies_to=tuple(str(v) for v in raw.get("applies_to", ())),
        measures=measures,
        bands=Bands(float(yellow), float(green)),
        floor=CoverageFloor(int(min_measures), float(min_share)),
        stale_share=float(raw.get("stale_share", 0.5)),
    )


def load_config(session: Session) -> ScorecardConfig:
    """Return the stored configuration, or the default one when none is stored or it is invalid."""
    stored = get_setting(session, CONFIG_KEY)
    if not stored:
        return default_config()
    try:
        return config_from_json(stored)
    except ValueError:
        log.exception("Stored scorecard configuration is invalid; using the default one")
        return default_config()


def save_config(session: Session, config: ScorecardConfig) -> ScorecardConfig:
    """Validate and store ``config`` with the next revision; return what was stored.

    Raises ValueError listing the problems when ``config`` is invalid.
    """
    problems = validate(config)
    if problems:
        raise ValueError(" ".join(problems))
    current = load_config(session)
    stored = replace(config, revision=max(current.revision, config.revision) + 1)
    set_setting(session, CONFIG_KEY, config_to_json(stored))
    log.info("Saved scorecard configuration revision %d", stored.revision)
    return stored


def with_weights(profile: Profile, weights: dict[str, float]) -> Profile:
    """Return ``profile`` with some measure weights replaced (for suggested weights)."""
    measures = dict(profile.measures)
    for key, weight in weights.items():
        if key in measures:
            measures[key] = replace(measures[key], weight=weight)
    return replace(profile, measures=measures)
