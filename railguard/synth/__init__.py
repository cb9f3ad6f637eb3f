"""Synthetic data engines: agent trajectories (AuraGen-style), adversarial variants (DuoGuard-style)."""
