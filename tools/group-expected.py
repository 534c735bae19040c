#!/usr/bin/env python3
"""Expected consolidation of the sample group, computed independently of the Java engine.

Reads the files of examples/group (group.csv, entities.csv, group-chart.csv, account-mapping/,
rates.csv, gl/) and applies the rules written in examples/group/README.md, section "Consolidation
rules", to write expected/consolidated-tb-<period>.csv, expected/eliminations-<period>.csv and
expected/translation-differences-<period>.csv. Python 3 standard library only.

    python3 tools/group-expected.py                 # rewrite the expected files
    python3 tools/group-expected.py --check         # exit 1 when the committed files differ

Any inconsistency in the input (an unmapped account, a missing rate, an unbalanced entry, an
intercompany line without its counterparty entity...) stops the script with the file, line and reason.
"""
import argparse
import csv
import datetime as dt
import io
import re
import sys
from collections import OrderedDict, defaultdict
from decimal import Decimal, ROUND_HALF_EVEN, InvalidOperation, getcontext
from pathlib import Path

getcontext().prec = 50  # products of amounts and rates stay exact before rounding
CENT = Decimal("0.01")
ZERO = Decimal("0.00")
CLASS_RATE = {"asset": "CLOSING", "liability": "CLOSING", "income": "AVERAGE", "expense": "AVERAGE",
              "equity": "HISTORICAL"}
IC_CATEGORY = {"IC_RECEIVABLE": "RECEIVABLE_PAYABLE", "IC_PAYABLE": "RECEIVABLE_PAYABLE",
               "IC_REVENUE": "REVENUE_EXPENSE", "IC_EXPENSE": "REVENUE_EXPENSE"}
ROLES = set(IC_CATEGORY) | {"TRANSLATION_RESERVE", "IC_DIFFERENCE"}
GL_COLUMNS = ["line_id", "entity", "journal", "entry_id", "date", "account", "label", "debit", "credit",
              "currency", "amount_currency", "partner", "counterparty_entity", "reference", "recorded_at"]
PLAIN = re.compile(r"\d+(\.\d{1,2})?")
SIGNED = re.compile(r"-?\d+(\.\d{1,2})?")
RATE = re.compile(r"\d+(\.\d+)?")


class InputError(Exception):
    pass


def rows(path, columns):
    """The rows of a UTF-8 CSV file with a header, as (line number, dict); checks the columns."""
    if not path.is_file():
        raise InputError(f"{path}: missing file")
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: line 1: missing column(s) {', '.join(missing)}")
        for row in reader:
            yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k is not None}


def money(text, path, line, column, signed=False):
    if not (SIGNED if signed else PLAIN).fullmatch(text):
        raise InputError(f"{path}: line {line}, column {column}: '{text}' is not a plain decimal amount")
    return Decimal(text)


def half_even(amount):
    return amount.quantize(CENT, rounding=ROUND_HALF_EVEN)


def instant(text, path, line):
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        value = None
    if value is None or value.tzinfo is None:
        where = f"{path}: line {line}, column recorded_at" if line is not None else path
        raise InputError(f"{where}: '{text}' is not a date-time with offset (2026-11-03T18:00:00Z)")
    return value.astimezone(dt.timezone.utc)


def period_end(period):
    year, month = map(int, period.split("-"))
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


class Group:
    def __init__(self, folder, period):
        self.folder = folder
        self.period = period
        (self.code, self.currency), = [(r["group"], r["currency"])
                                       for _, r in rows(folder / "group.csv", ["group", "name", "currency"])]
        self.entities = OrderedDict((r["entity"], r["currency"]) for _, r in
                                    rows(folder / "entities.csv", ["entity", "name", "country", "currency"]))
        self.chart = OrderedDict()
        for line, r in rows(folder / "group-chart.csv", ["account", "name", "class", "role"]):
            if r["class"] not in CLASS_RATE:
                raise InputError(f"group-chart.csv: line {line}: unknown class '{r['class']}'")
            if r["role"] and r["role"] not in ROLES:
                raise InputError(f"group-chart.csv: line {line}: unknown role '{r['role']}'")
            if r["account"] in self.chart:
                raise InputError(f"group-chart.csv: line {line}: account {r['account']} twice")
            self.chart[r["account"]] = r
        self.reserve = self.only_role("TRANSLATION_RESERVE")
        self.ic_difference = self.only_role("IC_DIFFERENCE")
        self.mapping = {}
        for entity in self.entities:
            path = folder / "account-mapping" / f"{entity}.csv"
            mapped = {}
            for line, r in rows(path, ["entity", "local_account", "local_name", "group_account"]):
                if r["entity"] != entity:
                    raise InputError(f"{path}: line {line}: entity {r['entity']} in the file of {entity}")
                if r["group_account"] not in self.chart:
                    raise InputError(f"{path}: line {line}: group account {r['group_account']} is not in the chart")
                if r["local_account"] in mapped:
                    raise InputError(f"{path}: line {line}: local account {r['local_account']} mapped twice")
                mapped[r["local_account"]] = r["group_account"]
            self.mapping[entity] = mapped
        self.rates = {}
        for line, r in rows(folder / "rates.csv", ["period", "from_currency", "to_currency", "rate_type", "rate"]):
            if not RATE.fullmatch(r["rate"]) or Decimal(r["rate"]) <= 0:
                raise InputError(f"rates.csv: line {line}: '{r['rate']}' is not a positive decimal rate")
            key = (r["period"], r["from_currency"], r["to_currency"], r["rate_type"])
            if key in self.rates:
                raise InputError(f"rates.csv: line {line}: rate given twice")
            self.rates[key] = Decimal(r["rate"])

    def only_role(self, role):
        accounts = [a for a, r in self.chart.items() if r["role"] == role]
        if len(accounts) != 1:
            raise InputError(f"group-chart.csv: {len(accounts)} accounts with role {role}, expected exactly one")
        return accounts[0]

    def rate(self, currency, rate_type):
        if currency == self.currency:
            return Decimal(1)
        key = (self.period, currency, self.currency, rate_type)
        if key not in self.rates:
            raise InputError(f"rates.csv: no {rate_type} rate {currency}->{self.currency} for {self.period}")
        return self.rates[key]


def ledger_lines(group, entity, last_day, cutoff):
    """The lines of an entity's GL file that count: dated on or before last_day, recorded on or before cutoff."""
    path = group.folder / "gl" / f"{entity}-{group.period}.csv"
    counted, ids, entries = [], set(), defaultdict(Decimal)
    entry_stamp = {}
    for line, r in rows(path, GL_COLUMNS):
        where = f"{path}: line {line}"
        if r["entity"] != entity:
            raise InputError(f"{where}: entity {r['entity']} in the file of {entity}")
        if r["line_id"] in ids:
            raise InputError(f"{where}: line id {r['line_id']} twice")
        ids.add(r["line_id"])
        debit = money(r["debit"] or "0", path, line, "debit")
        credit = money(r["credit"] or "0", path, line, "credit")
        if (debit != 0) == (credit != 0):
            raise InputError(f"{where}: exactly one of debit and credit must be non-zero")
        if r["currency"] or r["amount_currency"]:
            money(r["amount_currency"], path, line, "amount_currency", signed=True)
        date = dt.date.fromisoformat(r["date"])
        recorded = instant(r["recorded_at"], path, line)
        stamp = (date, recorded)
        if entry_stamp.setdefault(r["entry_id"], stamp) != stamp:
            raise InputError(f"{where}: entry {r['entry_id']} has lines with another date or recorded_at")
        entries[r["entry_id"]] += debit - credit
        if r["account"] not in group.mapping[entity]:
            raise InputError(f"{where}: account {r['account']} has no group account in account-mapping/{entity}.csv")
        cpty = r["counterparty_entity"]
        if cpty and (cpty not in group.entities or cpty == entity):
            raise InputError(f"{where}: counterparty entity '{cpty}' is not another entity of the group")
        if date <= last_day and recorded <= cutoff:
            counted.append((f"{path}: line {line}", r, debit - credit))
    unbalanced = [e for e, total in entries.items() if total != 0]
    if unbalanced:
        raise InputError(f"{path}: entries not balanced: {', '.join(unbalanced)}")
    return counted


def consolidate(group, cutoff):
    last_day = period_end(group.period)
    totals = defaultdict(Decimal)                          # group account -> net, group currency
    translation = []                                       # (entity, currency, reserve posting)
    ic = defaultdict(lambda: defaultdict(Decimal))         # (a, b, category) -> (entity, account) -> net
    for entity, currency in group.entities.items():
        entity_sum = Decimal(0)
        for where, r, local_net in ledger_lines(group, entity, last_day, cutoff):
            account = group.mapping[entity][r["account"]]
            chart = group.chart[account]
            amount = half_even(local_net * group.rate(currency, CLASS_RATE[chart["class"]]))
            totals[account] += amount
            entity_sum += amount
            category = IC_CATEGORY.get(chart["role"])
            if category:
                cpty = r["counterparty_entity"]
                if not cpty:
                    raise InputError(f"{where}: account {r['account']} maps to intercompany account {account} "
                                     f"but the line has no counterparty_entity")
                a, b = sorted((entity, cpty))
                ic[(a, b, category)][(entity, account)] += amount
        translation.append((entity, currency, -entity_sum))
        totals[group.reserve] += -entity_sum
    eliminations = []
    for (a, b, category) in sorted(ic, key=lambda k: (k[0], k[1], k[2])):
        balances = ic[(a, b, category)]
        for (entity, account) in sorted(balances):
            net = balances[(entity, account)]
            if net != 0:
                eliminations.append((a, b, category, entity, account, -net))
                totals[account] += -net
        difference = sum(balances.values(), Decimal(0))
        if difference != 0:
            eliminations.append((a, b, category, "", group.ic_difference, difference))
            totals[group.ic_difference] += difference
    return totals, translation, eliminations


def side(net):
    """Debit and credit columns of a net amount (positive = debit)."""
    return (f"{net:.2f}", "0.00") if net > 0 else ("0.00", f"{-net:.2f}")


def csv_text(header, records):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(records)
    return out.getvalue()


def main():
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--group", type=Path, default=root / "examples" / "group", help="the group's folder")
    parser.add_argument("--period", default="2026-10", help="yyyy-mm")
    parser.add_argument("--cutoff", default="2026-11-03T18:00:00Z",
                        help="lines recorded after this instant do not count (ISO 8601 with offset)")
    parser.add_argument("--out", type=Path, help="where to write (default: <group>/expected)")
    parser.add_argument("--check", action="store_true", help="compare with the files there instead of writing")
    args = parser.parse_args()
    try:
        group = Group(args.group, args.period)
        cutoff = instant(args.cutoff, "--cutoff", None)
        totals, translation, eliminations = consolidate(group, cutoff)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2

    tb = [[account, r["name"], *side(totals[account])] for account, r in group.chart.items()]
    files = {
        f"consolidated-tb-{group.period}.csv": csv_text(["group_account", "name", "debit", "credit"], tb),
        f"eliminations-{group.period}.csv": csv_text(
            ["entity_a", "entity_b", "category", "entity", "group_account", "debit", "credit"],
            [[a, b, category, entity, account, *side(net)]
             for a, b, category, entity, account, net in eliminations]),
        f"translation-differences-{group.period}.csv": csv_text(
            ["entity", "currency", "group_account", "debit", "credit"],
            [[entity, currency, group.reserve, *side(net)] for entity, currency, net in translation]),
    }
    out = args.out or args.group / "expected"
    differing = []
    for name, text in files.items():
        path = out / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                differing.append(str(path))
        else:
            out.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    debit = sum((totals[a] for a in group.chart if totals[a] > 0), Decimal(0))
    credit = -sum((totals[a] for a in group.chart if totals[a] < 0), Decimal(0))
    print(f"{group.code} {group.period} as of {args.cutoff}: debit {debit:.2f} credit {credit:.2f}")
    if debit != credit:
        print("error: the consolidated trial balance does not balance", file=sys.stderr)
        return 1
    if differing:
        print("differs from the committed file: " + ", ".join(differing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
