"""Petstore calls through a mock transport: the documented requests and typed results."""

from __future__ import annotations

from mock_transport import mock_client, report, routes, seen
from petstore import NotFoundError, Petstore
from petstore.models import Pet

routes[("GET", "/api/v3/pet/10")] = (
    200,
    {
        "id": 10,
        "name": "doggie",
        "photoUrls": ["a"],
        "category": {"id": 1, "name": "Dogs"},
        "tags": [{"id": 2, "name": "good"}],
        "status": "sold",
        "legs": 4,
    },
)
routes[("GET", "/api/v3/pet/findByStatus")] = (200, [{"name": "a", "photoUrls": []}, {"name": "b", "photoUrls": []}])
routes[("POST", "/api/v3/pet")] = (200, {"id": 11, "name": "rex", "photoUrls": []})
routes[("GET", "/api/v3/store/inventory")] = (200, {"sold": 3, "available": 7})
routes[("POST", "/api/v3/pet/10/uploadImage")] = (200, {"code": 200, "type": "ok", "message": "stored"})
routes[("GET", "/api/v3/store/order/404")] = (404, {"message": "Order not found"})
routes[("GET", "/api/v3/user/login")] = (200, "token-1")

client = Petstore(http_client=mock_client())
pet = client.pet.get_pet_by_id(10)
found = client.pet.find_pets_by_status(status="sold")
added = client.pet.add_pet(Pet(name="rex", photo_urls=[]))
added_from_dict = client.pet.add_pet({"name": "rex", "photoUrls": []})
inventory = client.store.get_inventory()
uploaded = client.pet.upload_file(10, additional_metadata="m", body=b"\x89PNG")
client.pet.delete_pet(10, api_key="secret")
token = client.user.login_user(username="u", password="p")
error: int | None
try:
    client.store.get_order_by_id(404)
    error = None
except NotFoundError as exc:
    error = exc.status_code
report(
    {
        "pet": [
            type(pet).__name__,
            pet.id_,
            pet.name,
            pet.category.name,
            pet.tags[0].name,
            pet.status,
            pet.model_extra,
        ],
        "found": [type(p).__name__ for p in found],
        "added": [added.id_, added_from_dict.id_],
        "inventory": inventory,
        "uploaded": [type(uploaded).__name__, uploaded.message],
        "token": token,
        "error": error,
        "seen": seen,
    }
)
