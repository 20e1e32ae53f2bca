"""Login lockout per account and address, and the client address behind a trusted proxy."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from roles import PASSWORD

from luoshi.rounds import throttle

PROXY = {"LUOSHI_PROXY_HEADER": "X-Forwarded-For", "LUOSHI_TRUSTED_PROXIES": ["127.0.0.1",
                                                                             "10.1.0.0/16"]}


@pytest.mark.parametrize(
    ("config", "remote", "headers", "expected"),
    [
        # No proxy configured: a forwarded header is the client's own word, ignored.
        ({}, "203.0.113.5", {"HTTP_X_FORWARDED_FOR": "1.2.3.4"}, "203.0.113.5"),
        # Proxy configured, but this connection does not come from it.
        (PROXY, "203.0.113.5", {"HTTP_X_FORWARDED_FOR": "1.2.3.4"}, "203.0.113.5"),
        # From the proxy: the right-most address that is not one of ours.
        (PROXY, "127.0.0.1", {"HTTP_X_FORWARDED_FOR": "1.2.3.4, 198.51.100.7"}, "198.51.100.7"),
        (PROXY, "127.0.0.1", {"HTTP_X_FORWARDED_FOR": "198.51.100.7, 10.1.2.3"}, "198.51.100.7"),
        # Garbage where the client's address should be: the connection's address.
        (PROXY, "127.0.0.1", {"HTTP_X_FORWARDED_FOR": "not-an-ip"}, "127.0.0.1"),
        (PROXY, "127.0.0.1", {}, "127.0.0.1"),
        ({"LUOSHI_PROXY_HEADER": "X-Real-IP", "LUOSHI_TRUSTED_PROXIES": ["::1"]}, "::1",
         {"HTTP_X_REAL_IP": "2001:db8::9"}, "2001:db8::9"),
    ],
)
def test_client_ip(settings, config, remote, headers, expected):
    settings.LUOSHI_PROXY_HEADER = ""
    for name, value in config.items():
        setattr(settings, name, value)
    request = RequestFactory().get("/", REMOTE_ADDR=remote, **headers)
    assert throttle.client_ip(request) == expected
    assert throttle.AnonRateThrottle().get_ident(request) == expected


def login(client, username, password, address):
    return client.post(reverse("login"), {"username": username, "password": password},
                       REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address)


def test_failures_behind_the_proxy_lock_one_name_from_one_address(rp, people, client, settings):
    for name, value in PROXY.items():
        setattr(settings, name, value)
    settings.LUOSHI_LOGIN_MAX_FAILURES = 3
    # Twenty failures from twenty people behind the same proxy lock nobody else out.
    for n in range(20):
        login(client, f"某人{n}", "wrong", f"198.51.100.{n}")
    assert login(client, "领导", PASSWORD, "198.51.100.1").status_code == 302
    client.post(reverse("logout"))
    # Three failures for 督查员 from one address: locked there, even with the right password…
    for _ in range(3):
        assert login(client, "督查员", "wrong", "198.51.100.50").status_code == 200
    locked = login(client, "督查员", PASSWORD, "198.51.100.50")
    assert "登录失败次数过多" in locked.content.decode()
    # …another user from that address is not, nor is 督查员 from another address.
    assert login(client, "领导", PASSWORD, "198.51.100.50").status_code == 302
    client.post(reverse("logout"))
    assert login(client, "督查员", PASSWORD, "198.51.100.51").status_code == 302


def test_guessing_from_many_addresses_locks_the_name_everywhere(rp, people, client, settings):
    for name, value in PROXY.items():
        setattr(settings, name, value)
    settings.LUOSHI_LOGIN_MAX_FAILURES = 2
    for n in range(2 * throttle.ACCOUNT_FACTOR):
        login(client, "督查员", "wrong", f"192.0.2.{n}")
    response = login(client, "督查员", PASSWORD, "192.0.2.200")
    assert "登录失败次数过多" in response.content.decode()
    assert login(client, "领导", PASSWORD, "192.0.2.200").status_code == 302
