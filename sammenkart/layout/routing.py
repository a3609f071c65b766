"""Orthogonal arrows in the channels between cards.

A *net* is what is drawn as one figure: a pathway step that joins one
service to several (or several to one) is one tree with a single number,
a collaboration link is a net of two, a step from a service to itself is a
small loop on its card. Each net gets at most one vertical *trunk* (in a
vertical channel) and one horizontal segment in each horizontal channel it
uses; its cards hang on those by short stubs from their borders. Since
channels never overlap cards, no arrow passes over a card.

Routing runs in three passes:

1. ``route`` picks, per net, the trunk channel and which side each card is
   entered from, by a cost of estimated crossings, length, bends and room
   against the nets routed before it (shortest nets first). *Room*: a
   channel is as wide as the most arrows side by side any picture puts in
   it, so a route that needs a track more than the channel has (``capacity``:
   what the pictures routed before already need) costs the map units it adds
   (``W_ROOM`` each); a channel no picture uses stays a narrow gap.
2. ``assign_tracks`` orders the segments inside each channel so that fewer
   of them cross (each where it crosses the others least, a segment whose
   stubs go up above one whose stubs go down) and packs them on as few
   tracks as possible.
3. ``realise`` turns tracks and ports into coordinates once the grid has its
   size, and writes each arrow's polyline.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .grid import EDGE, TRACK, Grid, channel_size

PORT_GAP = 9.0  # between two arrows leaving the same side of a card
PORT_INSET = 14.0  # keep ports off rounded or cut card corners
SIDE_GAP = 6.0
SIDE_INSET = 5.0
ORDER_PASSES = 1  # rounds of taking each segment of a channel out and putting it back where it crosses least
MIDDLING_PASSES = 1  # rip-up-and-reroute rounds on middling maps (regions of a few hundred services)
REINSERT_MAX = 200  # segments; in larger channels (regions) those rounds took much time for little
REROUTE_PASSES = 2  # rip-up-and-reroute rounds (careful maps)

# Cost weights of a candidate route (map-independent, in abstract units).
W_CROSS = 15.0
W_LENGTH = 0.6
W_BEND = 1.0
W_ROOM = 2.5  # per map unit a route adds to the map's width or height (six units: one crossing)
W_NUMBER = 25.0  # a step's route that passes no free crossing of channels, where its number would find room


@dataclass
class Terminal:
    sid: str
    head: bool  # an arrow ends here
    r: int
    c: int
    mode: str = ""  # top | bottom | left | right
    port: tuple[float, float] = (0.0, 0.0)  # on the card border
    end: tuple[float, float] = (0.0, 0.0)  # where the stub meets the net's track


@dataclass
class Net:
    key: object  # what the caller wants back (a step, a link)
    terms: list[Terminal]
    pairs: list[tuple[int, int]]  # (tail terminal, head terminal) for each arrow drawn
    loop: bool = False
    trunk: int | None = None
    span: tuple[int, int] | None = None  # trunk's extent in half units
    hsegs: dict[int, list[int]] = field(default_factory=dict)  # channel -> [X0, X1] half units
    htrack: dict[int, int] = field(default_factory=dict)
    vtrack: int = 0
    hy: dict[int, float] = field(default_factory=dict)
    hx: dict[int, tuple[float, float]] = field(default_factory=dict)
    tx: float = 0.0
    ty: tuple[float, float] = (0.0, 0.0)
    numbered: bool = False  # a pathway step: its number needs room on it

    def __post_init__(self):
        self.numbered = isinstance(self.key, tuple) and self.key[:1] == ("steg",)


def _ends(net: Net) -> frozenset:
    """The services a net joins (its terminals' services never change; kept on the net)."""
    ends = net.__dict__.get("_ends")
    if ends is None:
        ends = net.__dict__["_ends"] = frozenset(t.sid for t in net.terms)
    return ends


def make_net(grid: Grid, key, pairs: list[tuple[str, str]], directed: bool = True) -> Net | None:
    """One net for a group of (from, to) service pairs; None if a service is not on the grid."""
    terms: dict[str, Terminal] = {}
    order: list[str] = []
    for a, b in pairs:
        for sid in (a, b):
            if sid not in grid.pos:
                return None
            if sid not in terms:
                r, c = grid.pos[sid]
                terms[sid] = Terminal(sid, False, r, c)
                order.append(sid)
    if directed:
        for _a, b in pairs:
            terms[b].head = True
    idx = {sid: k for k, sid in enumerate(order)}
    return Net(key, [terms[s] for s in order], [(idx[a], idx[b]) for a, b in pairs])


def make_loop(grid: Grid, key, sid: str) -> Net | None:
    """A step from a service to itself: out of the card's top, back into its right side."""
    if sid not in grid.pos:
        return None
    r, c = grid.pos[sid]
    tail, head = Terminal(sid, False, r, c, "top"), Terminal(sid, True, r, c, "right")
    return Net(key, [tail, head], [(0, 1)], loop=True)


class Router:
    """Routes the nets of one scene (one pathway, or the collaboration links)."""

    def __init__(self, grid: Grid, careful: bool = True, capacity: tuple[list[int], list[int]] | None = None,
                 room_weight: float | tuple[float, float] = W_ROOM, middling: bool = False):
        """``careful``: every channel between an arrow's ends is tried for its trunk, and every
        arrow is routed again ``REROUTE_PASSES`` times; else only the channels beside its first
        and last card, once, unless ``middling`` (a map of up to ``engine.MIDDLING_LIMIT``
        services): every channel, and ``MIDDLING_PASSES`` times again.
        ``capacity``: (vertical, horizontal) tracks each channel has already, for the room cost;
        ``room_weight``: per map unit, or (vertical channels, horizontal channels) when one of the
        map's width and height is scarcer than the other."""
        self.grid = grid
        R, C = grid.rows, grid.cols
        self.nx, self.ny = 2 * C + 1, 2 * R + 1
        # horizontal segments covering half-unit X, per channel: h_at[X][i], and by channel: h_in[i][X]
        self.h_at = [[0] * (R + 1) for _ in range(self.nx)]
        self.h_in = [[0] * self.nx for _ in range(R + 1)]
        # trunks covering half-unit Y, per vertical channel: v_at[Y][j], and by channel: v_in[j][Y]
        self.v_at = [[0] * (C + 1) for _ in range(self.ny)]
        self.v_in = [[0] * self.ny for _ in range(C + 1)]
        self.cap_v, self.cap_h = capacity if capacity is not None else ([0] * (C + 1), [0] * (R + 1))
        # channel crossings (half units) where a step's number is expected: one number each
        self.claims: dict[tuple[int, int], int] = {}
        self.room_v, self.room_h = room_weight if isinstance(room_weight, tuple) else (room_weight, room_weight)
        # stubs entering a horizontal channel at half-unit X: s_at[i][X]
        self.s_at = [[0] * self.nx for _ in range(R + 1)]
        self.careful = careful
        self.wide = careful or middling
        self.nets: list[Net] = []
        self.pair_count: dict[frozenset, int] = {}
        self.pair_trunks: dict[tuple, int] = {}
        # side stubs entering vertical channel j at half-unit Y: side_at[j][Y]
        self.side_at = [[0] * self.ny for _ in range(C + 1)]

    # -- pass 1: choose channels ------------------------------------------
    def route(self, nets: list[Net], passes: int | None = None) -> None:
        def extent(n: Net) -> tuple:
            rs = [t.r for t in n.terms]
            cs = [t.c for t in n.terms]
            return (max(rs) - min(rs)) * 3 + (max(cs) - min(cs)), len(n.terms)

        for net in sorted(nets, key=extent):
            self._place(net)
            self.nets.append(net)
        # Rip up and reroute: each net once more, now seeing every other net.
        if passes is None:
            passes = REROUTE_PASSES if self.careful else MIDDLING_PASSES if self.wide else 0
        for _ in range(passes):
            for net in self.nets:
                if not net.loop:
                    self._apply(net, net.trunk, {k: t.mode for k, t in enumerate(net.terms)}, -1)
                    self._place(net)

    def _place(self, net: Net) -> None:
        if net.loop:
            t = net.terms[0]
            self._apply(net, t.c + 1, {0: "top", 1: "right"})
            return
        _cost, trunk, modes, shape = self._best(net)
        self._apply(net, trunk, modes, shape=shape)

    def best_route(self, net: Net) -> tuple[float, object, dict[int, str]]:
        """(cost, trunk, modes) of the net's cheapest candidate against the nets placed now
        (ties: the first candidate). The net itself must not be placed."""
        return self._best(net)[:3]

    def _best(self, net: Net) -> tuple[float, object, dict[int, str], tuple]:
        """``best_route`` and the route's shape (``_shape``), which ``_apply`` takes as it is."""
        best = None
        for trunk, modes in self._candidates(net):
            shape = self._shape(net, trunk, modes)
            cost = self._cost(net, trunk, modes, shape)
            if best is None or cost < best[0] - 1e-9:
                best = (cost, trunk, modes, shape)
        return best

    def _candidates(self, net: Net):
        terms = net.terms
        rows = [t.r for t in terms]
        cols = [t.c for t in terms]
        lo_r, hi_r, lo_c, hi_c = min(rows), max(rows), min(cols), max(cols)
        out = []
        if hi_r - lo_r <= 1:
            # all cards touch one horizontal channel: no trunk needed
            if hi_r > lo_r:
                out.append((None, {k: ("bottom" if t.r == lo_r else "top") for k, t in enumerate(terms)}))
            else:
                out.append((None, {k: "top" for k in range(len(terms))}))
                out.append((None, {k: "bottom" for k in range(len(terms))}))
                if len(terms) == 2 and hi_c - lo_c == 1:
                    # neighbours in a row: a straight line through the gap between them
                    a, b = terms
                    out.append((hi_c, {0: "right" if a.c < b.c else "left", 1: "right" if b.c < a.c else "left"}))
        if len(terms) == 2 and hi_r - lo_r <= 1 and hi_c == lo_c and not net.numbered:
            return out  # one above the other: straight down (a step may go round for its number)
        mid = sorted(rows)[len(rows) // 2]
        trunks = sorted({j for c in cols for j in (c, c + 1)})
        if self.wide and hi_c - lo_c <= 12:
            trunks = list(range(lo_c, hi_c + 2))
        elif not self.careful and len(trunks) > 2:
            # large maps: the channels beside the first and last card only
            trunks = sorted({lo_c + 1 if lo_c < hi_c else lo_c, hi_c})
        for j in trunks:
            for bias in ("top", "bottom") if hi_r == lo_r else ("",):
                modes = {}
                for k, t in enumerate(terms):
                    if t.c == j:
                        modes[k] = "left"
                    elif t.c + 1 == j:
                        modes[k] = "right"
                    elif t.r > mid or (t.r == mid and bias == "top"):
                        modes[k] = "top"
                    elif t.r < mid or bias == "bottom":
                        modes[k] = "bottom"
                    else:
                        modes[k] = "top" if sum(1 for u in terms if u.r < t.r) >= sum(1 for u in terms if u.r > t.r) else "bottom"
                out.append((j, modes))
        return out

    def _shape(self, net: Net, trunk: int | None, modes: dict[int, str]):
        """Horizontal segments {channel: [X0, X1]} and the trunk's Y extent for a candidate."""
        # (the router's innermost loop: min/max written out, each mode compared once)
        hsegs: dict[int, list[int]] = {}
        ys: list[int] = []
        for k, t in enumerate(net.terms):
            m = modes[k]
            if m == "top" or m == "bottom":
                i = t.r if m == "top" else t.r + 1
                x = 2 * t.c + 1
                seg = hsegs.get(i)
                if seg is None:
                    hsegs[i] = [x, x]
                elif x < seg[0]:
                    seg[0] = x
                elif x > seg[1]:
                    seg[1] = x
            else:
                ys.append(2 * t.r + 1)
        if trunk is None:
            return hsegs, None
        tx = 2 * trunk
        for i, seg in hsegs.items():
            if tx < seg[0]:
                seg[0] = tx
            elif tx > seg[1]:
                seg[1] = tx
            ys.append(2 * i)
        return hsegs, (min(ys), max(ys))

    def _numbered_before(self, net: Net) -> int:
        """How many numbered nets between the same cards were routed already."""
        return self.pair_count.get(_ends(net), 0) if net.numbered else 0

    def _cost(self, net: Net, trunk, modes, shape: tuple | None = None) -> float:
        """What the route costs against the nets placed now; ``shape``: its ``_shape`` if known."""
        hsegs, span = shape or self._shape(net, trunk, modes)
        cross = 0.0
        if net.numbered:
            if trunk is not None:
                # steps between the same two cards spread over different channels, so each
                # number finds room beside its own arrow
                cross += 1.5 * self.pair_trunks.get((_ends(net), trunk), 0)
            before = self._numbered_before(net)
            if before and all(x1 - x0 <= 2 for x0, x1 in hsegs.values()) and (span is None or span[1] - span[0] <= 0):
                # another step between the same two cards went this short way: its number
                # took the little room there is, so this one goes round by a channel
                cross += 3.0 * before
        length = 0.0
        bends = 0
        room = 0.0  # map units added, already weighted by the axis
        room_h, v_at, s_at = self.room_h, self.v_at, self.s_at
        for i, (x0, x1) in hsegs.items():
            length += x1 - x0
            if room_h:
                need = max(self.h_in[i][x0:x1 + 1]) + 1
                if need > self.cap_h[i]:
                    room += room_h * (channel_size(need) - channel_size(self.cap_h[i]))
            # trunks of other nets that this segment would cut
            j0, j1 = x0 // 2 + 1, (x1 + 1) // 2
            if j1 > j0:
                cross += sum(v_at[2 * i][j0:j1])
            cross += 0.5 * sum(s_at[i][x0 + 1:x1])
            if x1 > x0:
                bends += 2
        h_at = self.h_at
        for k, t in enumerate(net.terms):
            m = modes[k]
            if m == "top":
                cross += 0.5 * h_at[2 * t.c + 1][t.r]  # its stub may cut segments in the channel
            elif m == "bottom":
                cross += 0.5 * h_at[2 * t.c + 1][t.r + 1]
            else:
                cross += 0.5 * v_at[2 * t.r + 1][trunk]  # a side stub may cut trunks beside the card
        if span is not None:
            y0, y1 = span
            length += y1 - y0
            if self.room_v:
                need = max(self.v_in[trunk][y0:y1 + 1]) + 1
                if need > self.cap_v[trunk]:
                    room += self.room_v * (channel_size(need) - channel_size(self.cap_v[trunk]))
            i0, i1 = y0 // 2 + 1, (y1 + 1) // 2
            if i1 > i0:
                cross += sum(h_at[2 * trunk][i0:i1])
            cross += 0.5 * sum(self.side_at[trunk][y0:y1 + 1])  # side stubs of other nets in the channel
            bends += 1
        if net.numbered and not any(self.claims.get(p, 0) == 0 for p in _crossings_passed(hsegs, trunk, span)):
            cross += W_NUMBER / W_CROSS
        return W_CROSS * cross + W_LENGTH * length + W_BEND * bends + room

    def _apply(self, net: Net, trunk, modes, sign: int = 1, shape: tuple | None = None) -> None:
        """Put the net on this route (``sign`` -1: take it off again: the route it was put on,
        ``trunk`` and ``modes`` its own, its cards where they stood then). ``shape``: the route's
        ``_shape`` when the caller has it."""
        for k, t in enumerate(net.terms):
            t.mode = modes[k]
        if shape is None:
            shape = (net.hsegs, net.span) if sign < 0 else self._shape(net, trunk, modes)
        hsegs, span = shape
        net.trunk, net.hsegs, net.span = trunk, hsegs, span
        if net.numbered:
            spot = _number_spot(hsegs, trunk, span)
            if spot is not None:
                self.claims[spot] = self.claims.get(spot, 0) + sign
        h_at = self.h_at
        for i, (x0, x1) in hsegs.items():
            row = self.h_in[i]
            row[x0:x1 + 1] = [v + sign for v in row[x0:x1 + 1]]
            for x in range(x0, x1 + 1):
                h_at[x][i] += sign
        s_at = self.s_at
        for t in net.terms:
            m = t.mode
            if m == "top":
                s_at[t.r][2 * t.c + 1] += sign
            elif m == "bottom":
                s_at[t.r + 1][2 * t.c + 1] += sign
            else:
                self.side_at[trunk][2 * t.r + 1] += sign
        if span is not None:
            col = self.v_in[trunk]
            y0, y1 = span
            col[y0:y1 + 1] = [v + sign for v in col[y0:y1 + 1]]
            v_at = self.v_at
            for y in range(y0, y1 + 1):
                v_at[y][trunk] += sign
        if net.numbered:
            key = _ends(net)
            self.pair_count[key] = self.pair_count.get(key, 0) + sign
            if trunk is not None:
                self.pair_trunks[(key, trunk)] = self.pair_trunks.get((key, trunk), 0) + sign

    # -- pass 2: tracks -----------------------------------------------------
    def assign_tracks(self) -> tuple[list[int], list[int]]:
        """Track of every segment; returns the tracks each vertical and horizontal channel needs."""
        grid = self.grid
        hitems: dict[int, list] = {}
        vitems: dict[int, list] = {}
        for net in self.nets:
            for i, (x0, x1) in net.hsegs.items():
                conns = []
                for t in net.terms:
                    if t.mode == "top" and t.r == i:
                        conns.append((2 * t.c + 1, 1))
                    elif t.mode == "bottom" and t.r + 1 == i:
                        conns.append((2 * t.c + 1, -1))
                if net.trunk is not None:
                    y0, y1 = net.span
                    if y0 < 2 * i:
                        conns.append((2 * net.trunk, -1))
                    if y1 > 2 * i:
                        conns.append((2 * net.trunk, 1))
                hitems.setdefault(i, []).append((x0, x1, conns, net))
            if net.trunk is not None:
                j = net.trunk
                conns = []
                for i, (x0, x1) in net.hsegs.items():
                    if x0 < 2 * j:
                        conns.append((2 * i, -1))
                    if x1 > 2 * j:
                        conns.append((2 * i, 1))
                for t in net.terms:
                    if t.mode == "right":
                        conns.append((2 * t.r + 1, -1))
                    elif t.mode == "left":
                        conns.append((2 * t.r + 1, 1))
                vitems.setdefault(j, []).append((net.span[0], net.span[1], conns, net))
        h_tracks = [0] * (grid.rows + 1)
        v_tracks = [0] * (grid.cols + 1)
        for i, items in hitems.items():
            order = _order(items)
            tracks = _pack(order, self.nx)
            for (_x0, _x1, _c, net), t in zip(order, tracks):
                net.htrack[i] = t
            h_tracks[i] = max(tracks) + 1
        for j, items in vitems.items():
            order = _order(items)
            tracks = _pack(order, self.ny)
            for (_y0, _y1, _c, net), t in zip(order, tracks):
                net.vtrack = t
            v_tracks[j] = max(tracks) + 1
        self.h_tracks, self.v_tracks = h_tracks, v_tracks
        return v_tracks, h_tracks

    # -- pass 3: coordinates --------------------------------------------------
    def realise(self) -> None:
        grid = self.grid
        hy0 = [_spread(y0, y1, self.h_tracks[i]) for i, (y0, y1) in enumerate(grid.hch)]
        vx0 = [_spread(x0, x1, self.v_tracks[j]) for j, (x0, x1) in enumerate(grid.vch)]
        for net in self.nets:
            net.hy = {i: hy0[i][0] + hy0[i][1] * t for i, t in net.htrack.items()}
            if net.trunk is not None:
                net.tx = vx0[net.trunk][0] + vx0[net.trunk][1] * net.vtrack
        self._ports()
        for net in self.nets:
            xs_by_i: dict[int, list[float]] = {}
            ys: list[float] = []
            for t in net.terms:
                if t.mode in ("top", "bottom"):
                    i = t.r if t.mode == "top" else t.r + 1
                    t.end = (t.port[0], net.hy[i])
                    xs_by_i.setdefault(i, []).append(t.port[0])
                else:
                    t.end = (net.tx, t.port[1])
                    ys.append(t.port[1])
            for i, xs in xs_by_i.items():
                if net.trunk is not None:
                    xs = xs + [net.tx]
                    ys.append(net.hy[i])
                net.hx[i] = (min(xs), max(xs))
            if net.trunk is not None:
                net.ty = (min(ys), max(ys))

    def _ports(self) -> None:
        """Spread the stubs along each card side, ordered so they do not cross each other."""
        grid = self.grid
        sides: dict[tuple[str, str], list] = {}
        for n, net in enumerate(self.nets):
            for k, t in enumerate(net.terms):
                bx, by, bw, bh = grid.card_box(t.sid)
                if t.mode in ("top", "bottom"):
                    i = t.r if t.mode == "top" else t.r + 1
                    x0, x1 = net.hsegs[i]
                    cx = 2 * t.c + 1
                    if x1 <= cx and x0 < cx:
                        group = 0  # runs off to the left
                    elif x0 >= cx and x1 > cx:
                        group = 2
                    else:
                        group = 1
                    dist = abs(net.hy[i] - (by if t.mode == "top" else by + bh))
                else:
                    y0, y1 = net.span
                    cy = 2 * t.r + 1
                    group = 0 if y1 <= cy and y0 < cy else 2 if y0 >= cy and y1 > cy else 1
                    dist = abs(net.tx - (bx if t.mode == "left" else bx + bw))
                # left/up-going: nearest first; right/down-going: farthest first; ties in
                # routing order (never by object identity: two layouts must come out the same)
                sides.setdefault((t.sid, t.mode), []).append((group, dist if group == 0 else -dist, (n, k), t))
        for (sid, mode), items in sides.items():
            items.sort(key=lambda it: (it[0], it[1], it[2]))
            bx, by, bw, bh = grid.card_box(sid)
            n = len(items)
            if mode in ("top", "bottom"):
                room = bw - 2 * PORT_INSET
                gap = min(PORT_GAP, room / (n - 1)) if n > 1 else 0.0
                start = bx + bw / 2 - gap * (n - 1) / 2
                y = by if mode == "top" else by + bh
                for k, it in enumerate(items):
                    it[3].port = (start + k * gap, y)
            else:
                room = bh - 2 * SIDE_INSET
                gap = min(SIDE_GAP, room / (n - 1)) if n > 1 else 0.0
                start = by + bh / 2 - gap * (n - 1) / 2
                x = bx if mode == "left" else bx + bw
                for k, it in enumerate(items):
                    it[3].port = (x, start + k * gap)


def _spread(lo: float, hi: float, tracks: int) -> tuple[float, float]:
    """(first track, spacing) of ``tracks`` arrows centred in a channel from ``lo`` to ``hi``.

    A channel sized for fewer arrows (a case's referrals, routed later in
    channels the pathways sized) packs them closer, keeping off the cards."""
    n = max(1, tracks)
    margin = min(EDGE, (hi - lo) / 4)
    step = max(0.0, min(TRACK, (hi - lo - 2 * margin) / (n - 1))) if n > 1 else 0.0
    return (lo + hi) / 2 - step * (n - 1) / 2, step


def _crossings_passed(hsegs: dict[int, list[int]], trunk, span):
    """Points (X, Y) in half units where a route passes a crossing of a horizontal and a vertical channel.

    There a step's number has room (the nearest cards are a corner away);
    a straight arrow across one channel, between two neighbouring cards, has
    none. A generator: callers usually need only the first free one."""
    corner = 2 * trunk if trunk is not None else None
    for i, (x0, x1) in hsegs.items():
        if corner is not None and x0 <= corner <= x1:
            yield (corner, 2 * i)
        for x in range(x0 + 1 + (x0 % 2), x1, 2):  # even X strictly inside
            if x != corner:
                yield (x, 2 * i)
    if trunk is not None and span is not None:
        for y in range(span[0] + 1 + (span[0] % 2), span[1], 2):
            yield (corner, y)


def _number_spot(hsegs: dict[int, list[int]], trunk, span) -> tuple[int, int] | None:
    """The crossing a net's number will most likely take: on its longest piece, nearest the middle."""
    pieces = [((x0, 2 * i), (x1, 2 * i)) for i, (x0, x1) in hsegs.items()]
    if trunk is not None and span is not None:
        pieces.append(((2 * trunk, span[0]), (2 * trunk, span[1])))
    pieces.sort(key=lambda p: -(abs(p[1][0] - p[0][0]) + abs(p[1][1] - p[0][1])))
    corner = 2 * trunk if trunk is not None else None
    for (ax, ay), (bx, by) in pieces:
        if ay == by:  # horizontal: even X inside, or the corner with the trunk
            xs = [x for x in (_even_near((ax + bx) / 2, ax, bx), corner) if x is not None and ax <= x <= bx
                  and (ax < x < bx or x == corner)]
            if xs:
                mid = (ax + bx) / 2
                return (min(xs, key=lambda x: (abs(x - mid), x)), ay)
        else:
            y = _even_near((ay + by) / 2, ay, by)
            if y is not None:
                return (ax, y)
    return None


def _even_near(v: float, lo: int, hi: int) -> int | None:
    """The even number strictly between ``lo`` and ``hi`` nearest ``v`` (None if there is none)."""
    first, last = lo + 1 + (lo % 2), hi - 1 - (hi % 2)
    if first > last:
        return None
    e = int(round(v / 2)) * 2
    return min(max(e, first), last)


def _numbered(net: Net) -> bool:
    return net.numbered


def _pair_cost(s, u) -> int:
    """Crossings between channel segments s and u when s lies on the lower-numbered track."""
    s0, s1, sc, _ = s
    u0, u1, uc, _ = u
    n = 0
    for p, d in uc:
        if d < 0 and s0 < p < s1:
            n += 1
    for p, d in sc:
        if d > 0 and u0 < p < u1:
            n += 1
    return n


def _order(items: list) -> list:
    """Segments of one channel from the top (left) track down, few crossings first.

    Each segment, in order of its left (top) end, goes where it crosses the
    segments placed before it least (``_pair_cost``); then, in channels of up
    to ``REINSERT_MAX`` segments, each is taken out and put back where it
    crosses least (``ORDER_PASSES``). Every channel is
    ordered so, however many segments it has: on the 628-service region this
    took 141,356 crossings to 117,695 (a sort by where the segments' ends go,
    used above 40 segments before, left those crossings)."""
    items = sorted(items, key=lambda it: (it[0], it[1], str(it[3].key)))
    seq: list = []
    for it in items:
        lo, hi = it[0], it[1]
        overlapping = [k for k, s in enumerate(seq) if s[0] <= hi and lo <= s[1]]
        if not overlapping:
            seq.append(it)
            continue
        below = {k: _pair_cost(it, seq[k]) for k in overlapping}  # it above seq[k]
        above = {k: _pair_cost(seq[k], it) for k in overlapping}  # seq[k] above it
        best_k, best = 0, None
        # inserting at position k puts seq[:k] above it and seq[k:] below it
        cost = sum(below.values())
        for k in range(len(seq) + 1):
            if best is None or cost < best:
                best, best_k = cost, k
            if k < len(seq) and k in below:
                cost += above[k] - below[k]
        seq.insert(best_k, it)
    for _ in range(ORDER_PASSES if len(seq) <= REINSERT_MAX else 0):
        if not _reinsert(seq):
            break
    return seq


def _reinsert(seq: list) -> bool:
    """Each segment taken out and put back where it crosses least (ties: where it was);
    True if any moved."""
    moved = False
    i = 0
    while i < len(seq):
        it = seq.pop(i)
        lo, hi = it[0], it[1]
        overlapping = [k for k, s in enumerate(seq) if s[0] <= hi and lo <= s[1]]
        below = {k: _pair_cost(it, seq[k]) for k in overlapping}
        above = {k: _pair_cost(seq[k], it) for k in overlapping}
        cost = sum(below.values())
        best_k, best = i, None
        here = None
        for k in range(len(seq) + 1):
            if k == i:
                here = cost
            if best is None or cost < best:
                best, best_k = cost, k
            if k < len(seq) and k in below:
                cost += above[k] - below[k]
        if here is not None and best < here - 1e-9:
            seq.insert(best_k, it)
            moved = True
            if best_k <= i:
                i += 1
        else:
            seq.insert(i, it)
            i += 1
    return moved


def _pack(order: list, n: int) -> list[int]:
    """Tracks in the given order: each segment just past the overlapping ones before it."""
    sky = [-1] * (n + 1)
    out = []
    for lo, hi, _c, _net in order:
        t = max(sky[lo:hi + 1]) + 1
        sky[lo:hi + 1] = [t] * (hi - lo + 1)
        out.append(t)
    return out


def net_paths(net: Net) -> list[tuple[tuple[float, float], ...]]:
    """The polyline of each arrow of the net, tail to head, border to border."""
    out = []
    for a, b in net.pairs:
        ta, tb = net.terms[a], net.terms[b]
        pts = [ta.port, ta.end]
        if net.trunk is None or _same_channel(ta, tb):
            pts.append(tb.end)
        else:
            pts.append((net.tx, ta.end[1]))
            pts.append((net.tx, tb.end[1]))
            pts.append(tb.end)
        pts.append(tb.port)
        out.append(_clean(pts))
    return out


def net_strokes(net: Net) -> list[tuple[tuple[float, float], ...]]:
    """Each piece of the net once: stubs, horizontal segments, trunk (for dashed drawing)."""
    out = []
    for i, (x0, x1) in sorted(net.hx.items()):
        if x1 > x0:
            out.append(((x0, net.hy[i]), (x1, net.hy[i])))
    if net.trunk is not None and net.ty[1] > net.ty[0]:
        out.append(((net.tx, net.ty[0]), (net.tx, net.ty[1])))
    for t in net.terms:
        if t.port != t.end:
            out.append((t.end, t.port) if t.head else (t.port, t.end))
    return out


def _same_channel(ta: Terminal, tb: Terminal) -> bool:
    if ta.mode in ("top", "bottom") and tb.mode in ("top", "bottom"):
        ia = ta.r if ta.mode == "top" else ta.r + 1
        ib = tb.r if tb.mode == "top" else tb.r + 1
        return ia == ib
    return False


def _clean(pts: list) -> tuple:
    out: list = []
    for p in pts:
        p = (round(p[0], 3), round(p[1], 3))
        if out and p == out[-1]:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if (ax == bx == p[0]) or (ay == by == p[1]):
                out[-1] = p  # straight on: drop the middle point
                continue
        out.append(p)
    return tuple(out)
