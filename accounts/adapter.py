"""allauth's account adapter, with the failed-login limit counted per address and account.

allauth (65.x) limits failed logins twice: ``10/m/ip`` (any account from one address) and
``5/5m/key``, where the key is the account (``<site>:<e-mail>``) alone. That second limit is
shared by every address: five wrong passwords typed by anyone lock the account for its owner
too, for as long as someone keeps trying. Here the key also holds the client's address (the
proxy's header when ``TRUSTED_PROXY_COUNT`` says a proxy is in front), so a guesser locks out
only their own address. A successful password reset clears the counter of the address it is
done from (allauth calls ``_delete_login_attempts_cached_email`` with the same key), and a
successful login rolls back its own attempt.
"""

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}:{self.get_client_ip(request)}"
