# ruff: noqa: RUF001  (Turkish dotless i and the Japanese full-width colon are the real spelling)
"""One question bank harvested in ten languages: each language desk of accounts asks the same numbered
questions in its own language, all desks in one nightly batch.

Careful on infrastructure and identity (each desk its own cloud subnet in a matching region, accounts in the
matching country, free-mail addresses) but the whole operation pays with three corporate cards and every desk
runs in the same nightly window; content is near-identical across languages only through its structure.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.heldout3.base import CONTENT, MONEY, SDK_UAS, TIMING, CampaignStyle, camouflage_request
from scenarios.heldout3.world import DAY, HOUR, NEW_MODEL, OLD_MODELS, RELEASE, T0, WINDOW_DAYS, World

FRAMES: dict[str, tuple[str, str]] = {
    "es": (
        "MX",
        "Responde en español con una explicación detallada y ejemplos.\nPregunta {n}: "
        "{q}\nFormato: explicación, ejemplo, resumen.",
    ),
    "fr": (
        "FR",
        "Réponds en français avec une explication détaillée et des exemples.\nQuestion {n} : "
        "{q}\nFormat : explication, exemple, résumé.",
    ),
    "de": (
        "DE",
        "Antworte auf Deutsch mit einer ausführlichen Erklärung und Beispielen.\nFrage {n}: "
        "{q}\nFormat: Erklärung, Beispiel, Zusammenfassung.",
    ),
    "pt": (
        "BR",
        "Responda em português com uma explicação detalhada e exemplos.\nPergunta {n}: "
        "{q}\nFormato: explicação, exemplo, resumo.",
    ),
    "it": (
        "IT",
        "Rispondi in italiano con una spiegazione dettagliata ed esempi.\nDomanda {n}: "
        "{q}\nFormato: spiegazione, esempio, riepilogo.",
    ),
    "id": (
        "ID",
        "Jawab dalam bahasa Indonesia dengan penjelasan rinci dan contoh.\nPertanyaan {n}: "
        "{q}\nFormat: penjelasan, contoh, ringkasan.",
    ),
    "tr": (
        "TR",
        "Türkçe olarak ayrıntılı bir açıklama ve örneklerle yanıtla.\nSoru {n}: {q}\nBiçim: "
        "açıklama, örnek, özet.",
    ),
    "vi": (
        "VN",
        "Trả lời bằng tiếng Việt với giải thích chi tiết và ví dụ.\nCâu hỏi {n}: {q}\nĐịnh "
        "dạng: giải thích, ví dụ, tóm tắt.",
    ),
    "ja": ("JP", "日本語で、詳しい説明と例を挙げて答えてください。\n質問 {n}: {q}\n形式：説明、例、まとめ。"),
    "ko": ("KR", "한국어로 자세한 설명과 예시를 들어 답하세요.\n질문 {n}: {q}\n형식: 설명, 예시, 요약."),
}
_CONCEPTS = (
    "optimistic vs pessimistic locking",
    "gradient checkpointing",
    "B-tree page splits",
    "CRDT counters",
    "the CAP theorem",
    "tail-call optimisation",
    "Raft leader election",
    "bloom filter false positives",
    "TLS 1.3 handshake",
    "vector clocks",
    "copy-on-write file systems",
    "speculative decoding",
    "LSM-tree compaction",
    "Kubernetes pod eviction",
    "SIMD string search",
    "consistent hashing",
    "the actor model",
    "write-ahead logging",
    "mixture-of-experts routing",
    "garbage collection pauses",
)
_ASKS = (
    "How does {c} work internally?",
    "When should an engineer use {c}, and when not?",
    "What are the common failure modes of {c}?",
    "Compare {c} with its main alternative.",
)
_REGION_CLOUD = {
    "MX": 16509,
    "FR": 16276,
    "DE": 24940,
    "BR": 16509,
    "IT": 16276,
    "ID": 45102,
    "TR": 24940,
    "VN": 45102,
    "JP": 15169,
    "KR": 15169,
}


@dataclass(frozen=True, kw_only=True)
class PolyglotMirror(CampaignStyle):
    name: str = "polyglot_mirror"
    actor: str = "GLASS MERIDIAN"
    share: float = 0.012
    signals: tuple[str, ...] = (MONEY, CONTENT, TIMING)
    camouflage: float = 0.05
    labelled: bool = False
    cards: int = 3
    card_issuer_country: str = "HK"
    #: nightly batch window, UTC
    batch_start_hour: float = 17.5
    batch_minutes: float = 110.0
    #: share of desk accounts used on a given night
    nightly_share: float = 0.5
    questions: int = 400
    requests_mean: float = 26.0

    def build(self, w: World, campaign_id: str, n: int) -> list[str]:
        r = w.rng
        langs = list(FRAMES)
        cards = [(w.instrument_token(), r.choice(("552418", "552419", "409876"))) for _ in range(self.cards)]
        desks: dict[str, tuple[str, list[str]]] = {}
        made: list[str] = []
        ips: dict[str, str] = {}
        for i in range(n):
            lang = langs[i % len(langs)]
            country = FRAMES[lang][0]
            if lang not in desks:
                asn = w.asn_by_number(_REGION_CLOUD[country])
                desks[lang] = (w.new_subnet(asn), [])
            subnet, members = desks[lang]
            created = T0 - r.uniform(5, 50) * DAY
            acct = w.new_account(
                created_at=created,
                email_domain=w.free_mail(country),
                country=country,
                plan="pro",
                signup_channel="web",
            )
            made.append(acct)
            members.append(acct)
            token, bin_ = cards[i % self.cards]
            w.pay(
                acct,
                token,
                instrument_type="card",
                bin_=bin_,
                issuer_country=self.card_issuer_country,
                first_used=created + r.uniform(60, 7200),
            )
            ips[acct] = w.ip_in_subnet(subnet, w.asn_by_number(_REGION_CLOUD[country]))
        per_night = max(1, round(self.requests_mean * w.scale() / (WINDOW_DAYS * self.nightly_share)))
        for day in range(WINDOW_DAYS):
            start = T0 + day * DAY + self.batch_start_hour * HOUR + r.uniform(-10, 10) * 60
            for lang, (_subnet, members) in desks.items():
                fmt = FRAMES[lang][1]
                qn = (day * 53) % self.questions  # every desk works through the same slice of the bank
                for acct in members:
                    if r.random() > self.nightly_share:
                        continue
                    for _ in range(per_night):
                        t = start + r.uniform(0, self.batch_minutes * 60)
                        if r.random() < self.camouflage:
                            camouflage_request(w, acct, t, ips[acct], SDK_UAS[0])
                            continue
                        qn = (qn + 1) % self.questions
                        c = _CONCEPTS[qn % len(_CONCEPTS)]
                        q = _ASKS[(qn // len(_CONCEPTS)) % len(_ASKS)].format(c=c)
                        model = NEW_MODEL if t > RELEASE + 30 * HOUR else OLD_MODELS[0]
                        w.request(
                            acct,
                            t,
                            fmt.format(n=100 + qn, q=q),
                            ips[acct],
                            model,
                            output_tokens=r.randint(700, 2200),
                            user_agent=SDK_UAS[0],
                        )
        return made
