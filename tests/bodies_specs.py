"""Small documents with form and multipart request bodies, in the shapes public APIs use.

- `payments`: a Stripe-like form API (OpenAPI 3.0): deepObject metadata and nested arrays of
  objects (`items[0][price]`), exploded and comma-joined arrays, a JSON-encoded form field, a GET
  whose form body has no fields, a body offered as JSON and form.
- `uploads`: an upload API (OpenAPI 3.1): a binary file with a caption, an array of files, a
  JSON object part with its own `encoding.contentType`, a part with a fixed header, an
  `application/octet-stream` body.
- `audio`: an OpenAI-like transcription endpoint (OpenAPI 3.0): a required file, an enum, a
  number, an array of strings that repeats the part, a JSON response.
"""

from __future__ import annotations

from typing import Any

_JSON_OK = {
    "200": {
        "description": "ok",
        "content": {"application/json": {"schema": {"type": "object", "additionalProperties": True}}},
    }
}


def _form(schema: dict[str, Any], encoding: dict[str, Any] | None = None) -> dict[str, Any]:
    media: dict[str, Any] = {"schema": schema}
    if encoding:
        media["encoding"] = encoding
    return {"content": {"application/x-www-form-urlencoded": media}}


_DEEP = {"style": "deepObject", "explode": True}

PAYMENTS: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Payments", "version": "1"},
    "servers": [{"url": "https://pay.example.test"}],
    "paths": {
        "/v1/charges": {
            "post": {
                "operationId": "PostCharges",
                "tags": ["charges"],
                "requestBody": {
                    "required": True,
                    **_form(
                        {
                            "type": "object",
                            "required": ["amount", "currency"],
                            "properties": {
                                "amount": {"type": "integer", "description": "Amount in cents."},
                                "currency": {"type": "string"},
                                "capture": {"type": "boolean"},
                                "description": {"type": "string"},
                                "metadata": {"type": "object", "additionalProperties": {"type": "string"}},
                                "expand": {"type": "array", "items": {"type": "string"}},
                                "line_items": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "required": ["price"],
                                        "properties": {
                                            "price": {"type": "string"},
                                            "quantity": {"type": "integer"},
                                            "tax_rates": {"type": "array", "items": {"type": "string"}},
                                        },
                                    },
                                },
                                "shipping": {"$ref": "#/components/schemas/Shipping"},
                                "tags": {"type": "array", "items": {"type": "string"}},
                                "codes": {"type": "array", "items": {"type": "integer"}},
                                "extra": {"type": "object", "additionalProperties": True},
                            },
                        },
                        {
                            "metadata": _DEEP,
                            "expand": _DEEP,
                            "line_items": _DEEP,
                            "shipping": _DEEP,
                            "codes": {"style": "form", "explode": False},
                            "extra": {"contentType": "application/json"},
                        },
                    ),
                },
                "responses": {
                    "200": {
                        "description": "The charge.",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Charge"}}},
                    }
                },
            },
            "get": {
                "operationId": "GetCharges",
                "tags": ["charges"],
                "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                "requestBody": _form({"type": "object", "properties": {}, "additionalProperties": False}),
                "responses": _JSON_OK,
            },
        },
        "/v1/charges/{charge}": {
            "delete": {
                "operationId": "DeleteChargesCharge",
                "tags": ["charges"],
                "parameters": [{"name": "charge", "in": "path", "required": True, "schema": {"type": "string"}}],
                "requestBody": _form({"type": "object", "properties": {"reason": {"type": "string"}}}),
                "responses": _JSON_OK,
            }
        },
        "/v1/customers": {
            "post": {
                "operationId": "PostCustomers",
                "tags": ["customers"],
                "requestBody": {
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/NewCustomer"}},
                        "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/NewCustomer"}},
                    }
                },
                "responses": _JSON_OK,
            }
        },
    },
    "components": {
        "schemas": {
            "Shipping": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "address": {
                        "type": "object",
                        "properties": {"city": {"type": "string"}, "line1": {"type": "string"}},
                    },
                },
            },
            "Charge": {
                "type": "object",
                "properties": {"id": {"type": "string"}, "amount": {"type": "integer"}},
            },
            "NewCustomer": {"type": "object", "properties": {"email": {"type": "string"}}},
        }
    },
}

_PNG = {"type": "string", "contentMediaType": "image/png"}

UPLOADS: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Uploads", "version": "1"},
    "servers": [{"url": "https://files.example.test"}],
    "paths": {
        "/avatar": {
            "post": {
                "operationId": "uploadAvatar",
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "required": ["file"],
                                "properties": {
                                    "file": {"type": "string", "format": "binary"},
                                    "caption": {"type": "string"},
                                },
                            }
                        }
                    },
                },
                "responses": {"204": {"description": "stored"}},
            }
        },
        "/albums/{album}/photos": {
            "post": {
                "operationId": "addPhotos",
                "parameters": [{"name": "album", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "required": ["photos", "meta"],
                                "properties": {
                                    "photos": {"type": "array", "items": _PNG},
                                    "cover": _PNG,
                                    "meta": {"$ref": "#/components/schemas/AlbumMeta"},
                                    "tags": {"type": "array", "items": {"type": "string"}},
                                    "rating": {"type": "integer"},
                                    "public": {"type": "boolean"},
                                    "notes": {"type": "string"},
                                },
                            },
                            "encoding": {
                                "meta": {"contentType": "application/vnd.album+json"},
                                "notes": {
                                    "contentType": "text/markdown",
                                    "headers": {"X-Part-Version": {"schema": {"type": "string", "const": "2"}}},
                                },
                                "photos": {"contentType": "image/png, image/jpeg"},
                            },
                        }
                    },
                },
                "responses": _JSON_OK,
            }
        },
        "/blobs": {
            "put": {
                "operationId": "putBlob",
                "requestBody": {
                    "required": True,
                    "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
                },
                "responses": {"204": {"description": "stored"}},
            }
        },
    },
    "components": {
        "schemas": {
            "AlbumMeta": {
                "type": "object",
                "required": ["title"],
                "properties": {
                    "title": {"type": "string"},
                    "year": {"type": "integer"},
                    "people": {"type": "array", "items": {"type": "string"}},
                },
            }
        }
    },
}

AUDIO: dict[str, Any] = {
    "openapi": "3.0.0",
    "info": {"title": "Audio", "version": "1"},
    "servers": [{"url": "https://speech.example.test/v1"}],
    "paths": {
        "/audio/transcriptions": {
            "post": {
                "operationId": "createTranscription",
                "tags": ["Audio"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {"$ref": "#/components/schemas/CreateTranscriptionRequest"},
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": "The text.",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Transcription"}}},
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "CreateTranscriptionRequest": {
                "type": "object",
                "required": ["file", "model"],
                "properties": {
                    "file": {"type": "string", "format": "binary", "description": "The audio file."},
                    "model": {"anyOf": [{"type": "string"}, {"type": "string", "enum": ["whisper-1"]}]},
                    "language": {"type": "string"},
                    "temperature": {"type": "number", "default": 0},
                    "response_format": {"type": "string", "enum": ["json", "text", "srt"], "default": "json"},
                    "timestamp_granularities[]": {
                        "type": "array",
                        "items": {"type": "string", "enum": ["word", "segment"]},
                    },
                },
            },
            "Transcription": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
        }
    },
}

DOCUMENTS: dict[str, dict[str, Any]] = {"payments": PAYMENTS, "uploads": UPLOADS, "audio": AUDIO}
