"""Which of the PC's addresses the phones should open: private Wi-Fi and Ethernet first, virtual
adapters (Hyper-V, VirtualBox, VMware, Docker, VPNs) last, and whether the page answers there."""

from __future__ import annotations

import ipaddress
import json
import re
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from enum import IntEnum

VIRTUAL_ADAPTER = re.compile(
    r"vethernet|hyper-v|virtualbox|vbox|vmware|vmnet|docker|veth|br-|virbr|tun|tap|utun|wg\d|"
    r"tailscale|zerotier|zt|vpn|wsl|loopback|npcap|bluetooth|蓝牙",
    re.IGNORECASE,
)
WIFI_ADAPTER = re.compile(r"wi-?fi|wlan|wlp|wireless|无线|airport", re.IGNORECASE)


class AdapterKind(IntEnum):
    """In the order the operator is offered them."""

    WIFI = 0
    ETHERNET = 1
    OTHER = 2
    VIRTUAL = 3

    @property
    def label(self) -> str:
        return ("无线网络", "有线网络", "其他网络", "虚拟网卡")[self]


@dataclass(frozen=True)
class NetworkAddress:
    address: str
    adapter: str
    kind: AdapterKind
    private: bool

    @property
    def label(self) -> str:
        return f"{self.address}（{self.kind.label} · {self.adapter}）"


def adapter_kind(name: str) -> AdapterKind:
    if VIRTUAL_ADAPTER.search(name):
        return AdapterKind.VIRTUAL
    if WIFI_ADAPTER.search(name):
        return AdapterKind.WIFI
    if re.search(r"ethernet|以太网|本地连接|^eth|^en", name, re.IGNORECASE):
        return AdapterKind.ETHERNET
    return AdapterKind.OTHER


def rank_addresses(adapters: dict[str, list[str]], up: set[str]) -> list[NetworkAddress]:
    """The IPv4 addresses of the adapters that are up, best first: private before public, Wi-Fi and
    Ethernet before the rest, virtual adapters last. Loopback and link-local (169.254) left out:
    no phone reaches them."""
    found = []
    for adapter, addresses in adapters.items():
        if adapter not in up:
            continue
        for text in addresses:
            try:
                address = ipaddress.IPv4Address(text)
            except ValueError:
                continue
            if address.is_loopback or address.is_link_local or address.is_unspecified:
                continue
            found.append(NetworkAddress(text, adapter, adapter_kind(adapter), address.is_private))
    return sorted(found, key=lambda a: (a.kind == AdapterKind.VIRTUAL, not a.private, a.kind, a.adapter))


def network_addresses() -> list[NetworkAddress]:
    """The PC's addresses a phone on the same network could open, best first."""
    import psutil

    adapters = {
        name: [a.address for a in entries if a.family == socket.AF_INET]
        for name, entries in psutil.net_if_addrs().items()
    }
    up = {name for name, stats in psutil.net_if_stats().items() if stats.isup}
    return rank_addresses(adapters, up)


def page_url(address: str, port: int) -> str:
    return f"http://{address}:{port}"


def self_check(address: str, port: int, known: list[NetworkAddress] | None = None) -> str:
    """Fetch the page's health from the chosen address as a phone would; "" when it answers, else
    what is wrong, in words the operator can act on."""
    known = network_addresses() if known is None else known
    if address not in {a.address for a in known}:
        return f"本机已没有 {address} 这个地址（网络断开或换了网络）。请重新选择地址。"
    try:
        with urllib.request.urlopen(page_url(address, port) + "/health", timeout=3) as answer:
            if json.load(answer).get("app") != "fest-desktop":
                return f"{address}:{port} 上回答的不是科技节的评分服务，请换一个端口。"
    except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError) as exc:
        return (
            f"从 {address}:{port} 打不开评分页（{getattr(exc, 'reason', exc)}）。"
            "请检查 Windows 防火墙是否允许本程序在专用网络通信，或换一个地址。"
        )
    chosen = next(a for a in known if a.address == address)
    if chosen.kind == AdapterKind.VIRTUAL:
        return f"{address} 是虚拟网卡（{chosen.adapter}）的地址，手机一般连不上，请选择无线网络或有线网络的地址。"
    return ""
