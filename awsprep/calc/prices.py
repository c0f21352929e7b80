"""The price tables: one packaged JSON file (awsprep/calc/prices.json), one table per service and region.

Every table records the date its figures were checked and the page they come from. An unknown
region is an error, never a silent fallback to another region's prices.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, TypeVar

from awsprep.calc.errors import CalcError

ARCHITECTURES = ("x86_64", "arm64")


@dataclass(frozen=True)
class DynamoDBPrices:
    """DynamoDB's prices in one region: provisioned per unit-hour, on-demand per million request units."""

    region: str
    checked: str
    source: str
    provisioned_wcu_hour: float
    provisioned_rcu_hour: float
    on_demand_wru_million: float
    on_demand_rru_million: float
    unconfirmed: tuple[str, ...] = ()


@dataclass(frozen=True)
class LambdaPrices:
    """Lambda's prices in one region: requests, duration tiers per architecture, storage, the free tier."""

    region: str
    checked: str
    source: str
    request_million: float
    # per architecture: ((upper bound in GB-s of the tier, or None for the last tier, price per GB-s), ...)
    duration_tiers: dict[str, tuple[tuple[float | None, float], ...]]
    ephemeral_gb_second: float
    provisioned_concurrency_gb_second: dict[str, float]
    provisioned_duration_gb_second: dict[str, float]
    free_requests: int
    free_gb_seconds: float
    unconfirmed: tuple[str, ...] = ()


@functools.cache
def _raw() -> dict[str, Any]:
    # the file beside this module (pathlib, not importlib.resources: that costs `awsprep calc` a few ms of
    # imports at every start, and awsprep is installed as files, never run from a zip)
    text = Path(__file__).with_name("prices.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _table(service: str, region: str) -> dict[str, Any]:
    tables = _raw()[service]
    if region not in tables:
        known = ", ".join(sorted(tables))
        raise CalcError(f"no {service} price table for region {region!r}; known regions: {known}.")
    table: dict[str, Any] = tables[region]
    return table


_ABOUT = ("region", "checked", "source", "unconfirmed")  # every price table's facts about itself
P = TypeVar("P", "DynamoDBPrices", "KinesisPrices")


def _flat_prices(cls: type[P], service: str, region: str) -> P:
    """A table whose every other field is one price (a float) under the field's own name."""
    t = _table(service, region)
    prices = {f.name: float(t[f.name]) for f in fields(cls) if f.name not in _ABOUT}
    return cls(
        region=region,
        checked=t["checked"],
        source=t["source"],
        unconfirmed=tuple(t.get("unconfirmed", ())),
        **prices,
    )


def dynamodb_prices(region: str) -> DynamoDBPrices:
    return _flat_prices(DynamoDBPrices, "dynamodb", region)


def lambda_prices(region: str) -> LambdaPrices:
    t = _table("lambda", region)
    tiers = {
        arch: tuple((None if upper is None else float(upper), float(price)) for upper, price in rows)
        for arch, rows in t["duration_tiers"].items()
    }
    return LambdaPrices(
        region=region,
        checked=t["checked"],
        source=t["source"],
        request_million=float(t["request_million"]),
        duration_tiers=tiers,
        ephemeral_gb_second=float(t["ephemeral_gb_second"]),
        provisioned_concurrency_gb_second={
            k: float(v) for k, v in t["provisioned_concurrency_gb_second"].items()
        },
        provisioned_duration_gb_second={k: float(v) for k, v in t["provisioned_duration_gb_second"].items()},
        free_requests=int(t["free_tier"]["requests"]),
        free_gb_seconds=float(t["free_tier"]["gb_seconds"]),
        unconfirmed=tuple(t.get("unconfirmed", ())),
    )


@dataclass(frozen=True)
class KinesisPrices:
    """Kinesis Data Streams' prices in one region: provisioned shards and PUT units, on-demand."""

    region: str
    checked: str
    source: str
    shard_hour: float  # provisioned mode, per shard per hour
    put_payload_unit_million: float  # provisioned mode, per million 25 KB PUT payload units
    on_demand_stream_hour: float
    on_demand_data_in_gb: float
    on_demand_data_out_gb: float
    unconfirmed: tuple[str, ...] = ()


def kinesis_prices(region: str) -> KinesisPrices:
    return _flat_prices(KinesisPrices, "kinesis", region)
