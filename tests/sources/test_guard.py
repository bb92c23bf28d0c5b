"""Which addresses the web app may fetch."""

from __future__ import annotations

import ipaddress
import socket

import pytest

from livebrief.errors import BlockedAddress, FetchError
from livebrief.sources.guard import address_kind, check_public


@pytest.mark.parametrize("address, kind", [
    ("93.184.216.34", None),
    ("2606:2800:220:1:248:1893:25c8:1946", None),
    ("127.0.0.1", "loopback"),
    ("::1", "loopback"),
    ("10.0.0.7", "private"),
    ("192.168.1.1", "private"),
    ("172.16.5.4", "private"),
    ("169.254.169.254", "link-local"),  # cloud metadata endpoint
    ("fe80::1", "link-local"),
    ("0.0.0.0", "unspecified"),
    ("224.0.0.1", "multicast"),
    ("::ffff:127.0.0.1", "loopback"),  # IPv4 hiding inside IPv6
    ("100.64.0.1", "non-public"),  # carrier-grade NAT
])
def test_address_kind(address, kind):
    assert address_kind(ipaddress.ip_address(address)) == kind


def _resolver(*answers: str):
    def resolve(host, port, proto=0):
        if host == "nowhere.invalid":
            raise socket.gaierror(-2, "Name or service not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, proto, "", (a, port)) for a in answers]
    return resolve


def test_a_name_is_blocked_when_any_of_its_addresses_is_private():
    with pytest.raises(BlockedAddress, match=r"intranet\.example is a private address"):
        check_public("https://intranet.example/x", resolve=_resolver("93.184.216.34", "10.0.0.1"))


def test_a_public_name_passes():
    check_public("https://news.example/x", resolve=_resolver("93.184.216.34"))


def test_unresolvable_host_is_a_fetch_error():
    with pytest.raises(FetchError, match=r"cannot resolve host nowhere\.invalid") as caught:
        check_public("http://nowhere.invalid/", resolve=_resolver())
    assert not isinstance(caught.value, BlockedAddress)
