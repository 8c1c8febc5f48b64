"""Pages of a signed-in person are not kept by browsers or shared caches."""

from django.utils.cache import patch_cache_control

NO_STORE = {"private": True, "no_store": True}


class PrivateCacheMiddleware:
    """``Cache-Control: private, no-store`` on every response to a signed-in person.

    A view that set its own Cache-Control (a download that may be revalidated, a feed) keeps
    it, unless it says ``public``: then ``public`` is dropped for ``private, no-store``.
    Anonymous responses are left as they are.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return response
        current = response.get("Cache-Control", "")
        if not current:
            patch_cache_control(response, **NO_STORE)
        elif "public" in {part.strip().split("=")[0].lower() for part in current.split(",")}:
            del response["Cache-Control"]
            patch_cache_control(response, **NO_STORE)
        return response
