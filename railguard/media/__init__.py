"""Images and audio to guardable signals: OCR (tesseract), unsafe imagery (Open-NSFW), speech (faster-whisper).

Entry points: `Guard.check_image` -> `media.image.check_image`, `Guard.check_audio` -> `media.audio.check_audio`.
Models load lazily on first use; importing this package loads nothing heavy.
"""
