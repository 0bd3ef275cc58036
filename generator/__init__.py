"""sdkgen: Markdown REST reference -> OpenAPI 3.1 -> typed Python SDK.

Stages (each a pure function from data to data; I/O lives in cli.py and writer.py):

    parse   Markdown page         -> parse.model.Page
    build   list[Page]            -> OpenAPI document (dict)
    plan    OpenAPI document      -> plan.model.PackagePlan
    render  PackagePlan + Jinja2  -> {relative path: source text}
    write   formatted files       -> disk (only files whose bytes change)
"""

__version__ = "0.1.0"
