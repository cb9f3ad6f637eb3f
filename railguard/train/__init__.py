"""Training of railguard's models from the data in ../shared/data; writes railguard/models/."""
