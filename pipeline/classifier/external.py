"""Optional second opinion from an LLM behind an OpenAI-compatible chat API.

Off unless configured (`ExternalClassifier.from_settings` returns None without
a URL and a model). It only sees items the local layers left below the
auto-approve threshold, may only answer with input keys of cma-rows.md, and
adds the rupee cost of every response's `usage` to `.cost`.

Its answers are not calibrated on the samples, so by default they never reach
the auto-approve threshold themselves (`max_confidence`): the CA reviewing the
item sees a better suggestion, and nothing unmeasured reaches a bank.

Errors: HTTP 429, time-outs and connection errors raise
StepError(TRANSIENT) and are not retried here: the pipeline retries the step
with back-off. Any other HTTP error or a malformed answer leaves the local
verdict in place.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from decimal import Decimal
from http.client import HTTPException

from pipeline.classifier.context import EXTERNAL, READER, ItemContext, Verdict
from pipeline.cma.rows import INPUT_KEYS, ROW_BY_KEY
from pipeline.errors import TRANSIENT, StepError

logger = logging.getLogger(__name__)

BATCH_SIZE = 20
RETRY_HINT = (
    "The external classifier is busy or unreachable; the pipeline retries this step. "
    "If it keeps failing, check CLASSIFIER_LLM_URL or turn the external classifier off."
)
INSTRUCTIONS = (
    "You classify line items of Indian financial statements into the input rows of a "
    "bank's CMA (Credit Monitoring Arrangement) data. Each item contributes sign x amount "
    "to its row. The section, statement, side and note decide as much as the label. "
    'Answer only JSON: {"answers": [{"id": <id>, "cma_key": <row key or null to '
    'exclude a total or memo line>, "sign": 1 or -1, "confidence": 0..1, "reason": '
    "<one short sentence>}]}. Use only these row keys:\n"
)


class _Fallback(Exception):
    """The answer cannot be used: keep the local verdicts."""


@dataclass(frozen=True)
class Answer:
    cma_key: str | None
    sign: int
    confidence: float
    reason: str


class ExternalClassifier:
    """A client of `POST {url}/chat/completions` with a bearer key."""

    def __init__(
        self,
        url: str,
        api_key: str,
        model: str,
        timeout: float = 30.0,
        input_cost_per_1k: Decimal | str | int = 0,
        output_cost_per_1k: Decimal | str | int = 0,
        *,
        batch_size: int = BATCH_SIZE,
        max_confidence: float | None = None,
    ) -> None:
        self.url = url.rstrip("/") + "/chat/completions"
        self.api_key = api_key
        self.model = model
        self.timeout = timeout
        self.input_cost_per_1k = Decimal(str(input_cost_per_1k))
        self.output_cost_per_1k = Decimal(str(output_cost_per_1k))
        self.batch_size = batch_size
        self.max_confidence = max_confidence
        self.cost = Decimal("0")  # rupees, accumulated over every response
        self.calls = 0
        self.failures = 0  # answers that could not be used (the local verdicts stood)

    @classmethod
    def from_settings(
        cls, url: str | None, api_key: str | None, model: str | None, **options
    ) -> ExternalClassifier | None:
        """None unless both a URL and a model are configured (CLASSIFIER_LLM_*)."""
        if not url or not model:
            return None
        return cls(url, api_key or "", model, **options)

    def second_opinion(
        self, items: list[ItemContext], verdicts: list[Verdict], threshold: float
    ) -> list[Verdict]:
        """Verdicts with the model's answers for the items below `threshold`."""
        verdicts = list(verdicts)
        cap = self.max_confidence if self.max_confidence is not None else threshold - 0.01
        unsure = [
            i for i, v in enumerate(verdicts) if v.layer != READER and v.confidence < threshold
        ]
        for start in range(0, len(unsure), self.batch_size):
            batch = unsure[start : start + self.batch_size]
            answers = self.ask([items[i] for i in batch], [verdicts[i] for i in batch])
            for index, answer in zip(batch, answers, strict=True):
                if answer is not None:
                    verdicts[index] = self._merge(verdicts[index], answer, cap)
        return verdicts

    def ask(self, items: list[ItemContext], local: list[Verdict]) -> list[Answer | None]:
        """One request for a batch; None for every item whose answer cannot be used."""
        try:
            response = self._post(self._body(items, local))
            self._account(response.get("usage") or {})
            answers = _parse(response)
        except _Fallback as problem:
            self.failures += len(items)
            logger.warning("External classifier answer not used: %s", problem)
            return [None] * len(items)
        found = [answers.get(i) for i in range(len(items))]
        self.failures += sum(1 for answer in found if answer is None)
        return found

    def _body(self, items: list[ItemContext], local: list[Verdict]) -> dict:
        rows = "\n".join(f"{key}: {ROW_BY_KEY[key].label}" for key in INPUT_KEYS)
        payload = [
            _describe(i, item, verdict)
            for i, (item, verdict) in enumerate(zip(items, local, strict=True))
        ]
        return {
            "model": self.model,
            "temperature": 0,
            "response_format": {"type": "json_object"},
            "messages": [
                {"role": "system", "content": INSTRUCTIONS + rows},
                {"role": "user", "content": json.dumps({"items": payload}, ensure_ascii=False)},
            ],
        }

    def _post(self, body: dict) -> dict:
        request = urllib.request.Request(
            self.url,
            data=json.dumps(body).encode(),
            headers={
                "Authorization": f"Bearer {self.api_key}",
                "Content-Type": "application/json",
            },
            method="POST",
        )
        self.calls += 1
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            if error.code == 429:
                raise StepError(
                    "The external classifier is rate-limited (HTTP 429).", TRANSIENT, RETRY_HINT
                ) from error
            raise _Fallback(f"HTTP {error.code} from {self.url}") from error
        except (TimeoutError, urllib.error.URLError, ConnectionError, HTTPException) as error:
            raise self._unreachable(error) from error
        try:
            return json.loads(raw)
        except ValueError as error:
            raise _Fallback("the response is not JSON") from error

    def _unreachable(self, error: Exception) -> StepError:
        """A time-out or a connection failure: transient, for the pipeline to retry."""
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError):  # socket.timeout is TimeoutError
            message = f"The external classifier did not answer within {self.timeout} s."
        else:
            message = f"Cannot reach the external classifier: {reason}."
        return StepError(message, TRANSIENT, RETRY_HINT)

    def _account(self, usage: dict) -> None:
        """Add the rupee cost of one response's tokens."""
        try:
            prompt = Decimal(int(usage.get("prompt_tokens", 0)))
            completion = Decimal(int(usage.get("completion_tokens", 0)))
        except (TypeError, ValueError):
            return
        self.cost += (prompt * self.input_cost_per_1k + completion * self.output_cost_per_1k) / 1000

    def _merge(self, local: Verdict, answer: Answer, cap: float) -> Verdict:
        confidence = round(min(answer.confidence, cap), 4)
        if (answer.cma_key, answer.sign) == (local.cma_key, local.sign):
            local.confidence = max(local.confidence, confidence)
            local.evidence = local.evidence.rstrip(".") + f"; {self.model} agrees."
            return local
        alternatives = [(local.cma_key or "excluded", local.confidence), *local.alternatives]
        reason = None if answer.cma_key else "judged not a balance by the external classifier"
        evidence = f"{self.model}: {answer.reason}".strip()
        return Verdict(
            answer.cma_key, answer.sign, confidence, evidence, EXTERNAL, alternatives[:3], reason
        )


def _describe(index: int, item: ItemContext, verdict: Verdict) -> dict:
    fields = ("label", "section", "subsection", "note", "statement", "side", "tally_group")
    described = {"id": index, **{f: getattr(item, f) for f in fields if getattr(item, f)}}
    for name in ("column", "table", "constitution", "industry", "note_text"):
        if value := getattr(item, name):
            described[name] = value
    described["local_guess"] = {
        "cma_key": verdict.cma_key,
        "sign": verdict.sign,
        "confidence": verdict.confidence,
    }
    return described


def _parse(response: dict) -> dict[int, Answer]:
    try:
        content = response["choices"][0]["message"]["content"]
        data = json.loads(content.strip().removeprefix("```json").strip("`"))
        raw_answers = data["answers"]
    except (KeyError, IndexError, TypeError, ValueError) as error:
        raise _Fallback("the answer is not the JSON asked for") from error
    answers = {}
    for raw in raw_answers if isinstance(raw_answers, list) else []:
        if answer := _answer(raw):
            answers[raw["id"]] = answer
    return answers


def _answer(raw: object) -> Answer | None:
    """One item's answer, or None unless it names a valid input key and sign."""
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), int):
        return None
    key, sign = raw.get("cma_key"), raw.get("sign", 1)
    if (key is not None and key not in INPUT_KEYS) or sign not in (1, -1):
        return None
    try:
        confidence = min(max(float(raw.get("confidence", 0.5)), 0.0), 1.0)
    except (TypeError, ValueError):
        return None
    return Answer(key, sign, confidence, str(raw.get("reason", ""))[:200])
