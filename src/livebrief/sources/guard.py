"""Refuse URLs that point into the operator's own network.

The web app lets people submit URLs; without this check they could make the
server fetch its own admin pages or cloud metadata endpoints (SSRF). The check
resolves the host and rejects it when any address is not public. A DNS answer
can change between this check and the connection (DNS rebinding); closing that
gap needs a resolver pinned into the transport, which we do not do yet.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from livebrief.errors import BlockedAddress, FetchError

Resolver = Callable[..., list[Any]]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def address_kind(ip: IPAddress) -> str | None:
    """Why ``ip`` is not a public address, or None when it is."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    checks = (
        ("loopback", ip.is_loopback),
        ("unspecified", ip.is_unspecified),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
        ("non-public", not ip.is_global),
    )
    return next((name for name, hit in checks if hit), None)


def check_public(url: str, *, item: str | None = None, resolve: Resolver = socket.getaddrinfo) -> None:
    """Raise :class:`BlockedAddress` unless every address of the URL's host is public.

    ``item`` is the URL first asked for, when ``url`` is a redirect hop from it.
    """
    item = item or url
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        raise FetchError(f"URL has no host: {url}", item=item)
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        addresses = _resolve(host, parts.port, item, resolve)
    for ip in addresses:
        kind = address_kind(ip)
        if kind is not None:
            hop = f"redirect to {url}: " if url != item else ""
            raise BlockedAddress(f"{hop}{host} is a {kind} address ({ip}); only public addresses are allowed",
                                 item=item)


def _resolve(host: str, port: int | None, item: str, resolve: Resolver) -> list[IPAddress]:
    try:
        infos = resolve(host, port or 80, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host}: {exc}", item=item) from None
    # The scope suffix of IPv6 link-local answers ("fe80::1%eth0") is not part of the address.
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
