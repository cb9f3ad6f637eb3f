"""AuraGen-style synthetic trajectory engine (see engine.generate)."""

from railguard.agents.synth.engine import Sample, generate

__all__ = ["Sample", "generate"]
