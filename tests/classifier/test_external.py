"""The external classifier against a local OpenAI-compatible stub on 127.0.0.1."""

from __future__ import annotations

import json
import time
from decimal import Decimal

import pytest

from pipeline.classifier.classifier import Classifier
from pipeline.classifier.context import ItemContext, Verdict
from pipeline.classifier.external import ExternalClassifier
from pipeline.errors import TRANSIENT, StepError
from tests.llm_stub import answer

UNSURE = ItemContext("Sundry balances", section="Balance Sheet", side="Assets")
SURE = ItemContext("Salary payable", section="Other current liabilities")


def client(url: str, **options) -> ExternalClassifier:
    costs = {"input_cost_per_1k": Decimal("0.50"), "output_cost_per_1k": Decimal("1.50")}
    return ExternalClassifier(
        url, "secret-key", "test-model", **{"timeout": 2.0, **costs, **options}
    )


def test_only_items_below_the_threshold_are_sent(stub):
    state, url = stub
    state.script = [answer([{"id": 0, "cma_key": "other_current_assets", "sign": 1}])]
    verdicts = Classifier(external=client(url)).classify([SURE, UNSURE])
    sent = json.loads(state.requests[0]["messages"][1]["content"])["items"]
    assert [item["label"] for item in sent] == ["Sundry balances"]
    assert verdicts[0].layer == "vocabulary"


def test_the_request_is_an_authenticated_chat_completion(stub):
    state, url = stub
    state.script = [answer([])]
    client(url).ask([UNSURE], [_local()])
    assert state.headers[0]["Authorization"] == "Bearer secret-key"
    assert state.requests[0]["model"] == "test-model"
    assert "other_current_assets" in state.requests[0]["messages"][0]["content"]


def test_a_disagreeing_answer_replaces_the_local_verdict_but_stays_under_review(stub):
    state, url = stub
    reply = {"id": 0, "cma_key": "other_noncurrent_assets", "sign": 1, "confidence": 0.95}
    state.script = [answer([{**reply, "reason": "Long-term deposits."}])]
    verdict = client(url).second_opinion([UNSURE], [_local()], threshold=0.70)[0]
    assert (verdict.cma_key, verdict.layer) == ("other_noncurrent_assets", "external")
    assert verdict.confidence < 0.70
    assert verdict.alternatives[0][0] == "other_current_assets"


def test_an_agreeing_answer_keeps_the_local_verdict(stub):
    state, url = stub
    state.script = [
        answer([{"id": 0, "cma_key": "other_current_assets", "sign": 1, "confidence": 0.9}])
    ]
    verdict = client(url).second_opinion([UNSURE], [_local(0.3)], threshold=0.70)[0]
    assert verdict.layer == "vocabulary"
    assert verdict.confidence == pytest.approx(0.69)
    assert "agrees" in verdict.evidence


def test_the_cost_adds_up_from_the_usage_of_every_response(stub):
    state, url = stub
    state.script = [answer([], prompt=1000, completion=200), answer([], prompt=3000, completion=0)]
    external = client(url, batch_size=1)
    external.second_opinion([UNSURE, UNSURE], [_local(), _local()], threshold=0.70)
    # (1000 × 0.50 + 200 × 1.50) / 1000 + (3000 × 0.50) / 1000 rupees
    assert external.cost == Decimal("0.8") + Decimal("1.5")
    assert isinstance(external.cost, Decimal)
    assert external.calls == 2


def test_a_rate_limit_is_transient_and_not_retried_here(stub):
    state, url = stub
    state.script = [{"status": 429, "json": {"error": "slow down"}}]
    with pytest.raises(StepError) as raised:
        client(url).second_opinion([UNSURE], [_local()], threshold=0.70)
    assert raised.value.category == TRANSIENT
    assert raised.value.hint
    assert len(state.requests) == 1


def test_a_slow_answer_times_out_as_transient(stub):
    state, url = stub
    state.script = [{"sleep": 1.0, **answer([])}]
    started = time.monotonic()
    with pytest.raises(StepError) as raised:
        client(url, timeout=0.2).ask([UNSURE], [_local()])
    assert raised.value.category == TRANSIENT
    assert "0.2 s" in raised.value.message
    assert time.monotonic() - started < 0.9


def test_a_refused_connection_is_transient():
    with pytest.raises(StepError) as raised:
        client("http://127.0.0.1:9", timeout=0.5).ask([UNSURE], [_local()])
    assert raised.value.category == TRANSIENT


def test_a_server_error_leaves_the_local_verdict(stub):
    state, url = stub
    state.script = [{"status": 500, "json": {"error": "boom"}}]
    local = _local()
    external = client(url)
    assert external.second_opinion([UNSURE], [local], threshold=0.70) == [local]
    assert external.failures == 1


@pytest.mark.parametrize(
    "reply",
    [
        {"raw": b"not json at all"},
        {"json": {"choices": [{"message": {"content": "I think it is an asset."}}]}},
        answer([{"id": 0, "cma_key": "total_assets", "sign": 1}]),  # a computed row
        answer([{"id": 0, "cma_key": "other_current_assets", "sign": 2}]),
    ],
)
def test_a_malformed_answer_leaves_the_local_verdict(stub, reply):
    state, url = stub
    state.script = [reply]
    local = _local()
    assert client(url).second_opinion([UNSURE], [local], threshold=0.70) == [local]


def test_it_is_off_unless_configured():
    assert ExternalClassifier.from_settings("", "key", "model") is None
    assert ExternalClassifier.from_settings("http://llm", "key", None) is None
    assert ExternalClassifier.from_settings("http://llm", "key", "model") is not None


def _local(confidence: float = 0.15) -> Verdict:
    return Verdict("other_current_assets", 1, confidence, "A guess.", "vocabulary", [])
