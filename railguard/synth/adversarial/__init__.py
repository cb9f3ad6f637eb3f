"""DuoGuard-style adversarial data: a generator that attacks the guard, a guard that learns from it.

operators.py   attack operators (pure (text, rng) -> variant functions, with names and families)
templates.py   wrapper, hiding, paraphrase, foreign-language and look-alike templates the operators fill
lexicon.py     small word lists for code-mixing (en -> es/fr/de/it/pt) and their inverse
policy.py      the generator: softmax policy over operators and chain depth, REINFORCE
consistency.py the label-consistency filter (payload recovery, risk words, length, embeddings)
seeds.py       seeds from training sets only, deduplicated against evaluation-only prompts
target.py      the guard under attack; in-memory fine-tuning of the text classifier's heads
loop.py        the rounds; report.py the per-round report; cli.py `railguard synth adversarial`
dataset.py     the generated data file (data/adversarial_train.jsonl) the text trainer reads
heldout*.py    transformations the loop never uses, six sets (imported only by robustness.py)
robustness.py  `python -m railguard.synth.adversarial.robustness`: held-out attack success before/after
"""
