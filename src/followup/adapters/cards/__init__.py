"""Business cards: a photo in, the person's name, title, company, email and phone out.

`reader.read_card` runs the steps: `image` (open and bound the photo), `qr` (a QR code wins),
`straighten` (find the card, square it), `ocr` (read its lines offline) and `fields` (which line
is what). Heavy libraries (OpenCV, onnxruntime) load only when a card is read.
"""
