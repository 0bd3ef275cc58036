"""Your own code: sdkgen created this file once and never writes, changes or deletes lib/.

Put helpers, custom auth or logging in modules of this folder and import them as
``superoffice_webapi.lib.<module>``; `sdkgen generate` / `sdkgen build` leave them as they are,
and `sdkgen check` does not call them stale.

When this module defines ``setup_client(client)``, every new SuperOffice and
AsyncSuperOffice calls it at the end of its constructor, e.g. to register hooks:

    def setup_client(client):
        client.hooks.before_request(lambda request: print(request.method, request.url))

See "Extending the SDK" in the README.
"""
