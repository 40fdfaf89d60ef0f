#!/usr/bin/python3
"""The leadership dashboard page in a real browser, against the real services.

It creates a fresh database on the test MariaDB, starts the BUILT crm-server on 127.0.0.1:0 (with
the dashboard service) and a random bootstrap administrator token, loads the demo data with the
built crm-demo-data, starts the built crm-web on 127.0.0.1:0, asks DashboardService itself (Debian's
grpcio, stubs generated with Debian's protoc and grpc_python_plugin) for the figures the page must
show, writes them to expected.json, and runs dashboard_page.mjs: Node with playwright-core driving
Debian's /usr/bin/chromium (never a downloaded browser). That script logs in, reads the numbers
the page shows, checks them against expected.json, switches the language, and saves screenshots
at 1280x720 and 1920x1080 into --out-dir.

It prints one line per step and ends with `N passed, M failed`; the exit status is non-zero if
anything failed. ctest runs it as `dashboard_browser` (tests/browser/CMakeLists.txt). By hand, with
a running MariaDB (`scripts/mariadb.sh start /tmp/webdb`), from the repository root:

  CRM_TEST_DSN_FILE=/tmp/webdb/dsn /usr/bin/python3 tests/browser/dashboard_browser_test.py \
      --server build/services/crm-server --web build/clients/web/crm-web \
      --demo-data build/clients/demo/crm-demo-data --proto-root proto --out-dir /tmp/shots
"""

import argparse
import decimal
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time

import grpc

# The drivers' shared set-up lives beside the other end-to-end test.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import crm_e2e_support as support  # noqa: E402

STARTUP_TIMEOUT_S = 30
RPC_TIMEOUT_S = 10
DEMO_TIMEOUT_S = 120
BROWSER_TIMEOUT_S = 180
SERVICES = "leads,admin,enterprises,projects,dashboard"
HERE = os.path.dirname(os.path.abspath(__file__))


class Tally:
    def __init__(self):
        self.passed = self.failed = 0

    def ok(self, what):
        self.passed += 1
        print(f"ok    {what}", flush=True)

    def fail(self, what, why):
        self.failed += 1
        print(f"FAIL  {what}: {why}", flush=True)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", required=True, help="the built crm-server binary")
    parser.add_argument("--web", required=True, help="the built crm-web binary (its assets/ beside it)")
    parser.add_argument("--demo-data", required=True, help="the built crm-demo-data binary")
    parser.add_argument("--proto-root", required=True, help="directory holding crm/v1/*.proto")
    parser.add_argument("--googleapis-root", default="/usr/share/gocode/src/github.com/gogo/googleapis",
                        help="directory holding google/rpc/*.proto (crm/v1 imports none, but protoc may)")
    parser.add_argument("--out-dir", required=True, help="where the screenshots and expected.json go")
    parser.add_argument("--node", default=shutil.which("node") or "node", help="the Node.js binary")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="Debian's chromium")
    parser.add_argument("--dsn", help="mysql://USER:PASSWORD@HOST:PORT/ of a MariaDB whose account may create "
                                      "databases (default: the contents of $CRM_TEST_DSN_FILE, app_dsn beside it)")
    parser.add_argument("--keep-logs", action="store_true", help="print the servers' logs even on success")
    return parser.parse_args()


# --- set-up ------------------------------------------------------------------------------------

def generate_stubs(proto_root, googleapis_root, out_dir):
    """The dashboard service's Python stubs (see crm_e2e_support.compile_stubs)."""
    protos = ["crm/v1/common.proto", "crm/v1/method_options.proto", "crm/v1/projects_service.proto",
              "crm/v1/enterprises_service.proto",
              "crm/v1/dashboard_service.proto"]
    modules = support.compile_stubs(proto_root, googleapis_root, out_dir, protos,
                                    {"pb": "crm.v1.dashboard_service_pb2", "grpc": "crm.v1.dashboard_service_pb2_grpc"})
    return modules["pb"], modules["grpc"]


class Process:
    """A built binary started with --listen=127.0.0.1:0 and --port_file; its log kept in work_dir."""

    def __init__(self, name, command, work_dir, env=None):
        self.name = name
        self.port_file = os.path.join(work_dir, f"{name}.port")
        self.log_path = os.path.join(work_dir, f"{name}.log")
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen([*command, "--listen=127.0.0.1:0", f"--port_file={self.port_file}"],
                                        env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.port = None

    def wait_for_port(self):
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode} before listening:\n"
                                   f"{self.log_text()}")
            try:
                with open(self.port_file) as f:
                    text = f.read()
                if text.endswith("\n") and text.strip().isdigit():
                    self.port = int(text)
                    return self.port
            except FileNotFoundError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"no port in {self.port_file} after {STARTUP_TIMEOUT_S} s")

    def log_text(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def wait_for_dashboard(stub, pb, token):
    """GetPipelineSummary until the server answers it (it may still be starting)."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    last = None
    while time.monotonic() < deadline:
        try:
            return stub.GetPipelineSummary(pb.GetPipelineSummaryRequest(), timeout=RPC_TIMEOUT_S,
                                           metadata=[("authorization", f"Bearer {token}")])
        except grpc.RpcError as e:
            last = e
            if e.code() != grpc.StatusCode.UNAVAILABLE:
                raise
        time.sleep(0.1)
    raise RuntimeError(f"DashboardService never answered: {last.code().name}: {last.details()}")


# --- the figures the page must show -------------------------------------------------------------

def yi(cny):
    """亿元 with 2 decimals as the page writes them: CNY / 1e8 rounded half away from zero, computed
    on the exact integer (dashboard.js does the same with BigInt)."""
    n = int(cny)
    hundredths = (abs(n) + 500_000) // 1_000_000
    text = f"{hundredths // 100}.{hundredths % 100:02d}"
    return f"-{text}" if n < 0 else text


def percent(fraction):
    """A share as the page writes it, `12.3%`: JavaScript's toFixed(1) rounds the exact binary value
    of fraction × 100 half up, as Decimal does here."""
    exact = decimal.Decimal(fraction * 100)
    return f"{exact.quantize(decimal.Decimal('0.1'), rounding=decimal.ROUND_HALF_UP)}%"


def enum_name(message, field):
    """The name of an enum field's value (the enums live in other modules than the messages)."""
    return message.DESCRIPTOR.fields_by_name[field].enum_type.values_by_number[getattr(message, field)].name


def stage_key(message):
    return enum_name(message, "stage").removeprefix("PROJECT_STAGE_")


def expected_figures(summary, board, pool, trend):
    """What the page's data-testid elements must read, from the service's own answers."""
    figures = {
        "kpi-open-count": str(summary.open_project_count),
        "kpi-open-planned": yi(summary.open_planned_investment_cny),
        "kpi-weighted": yi(summary.weighted_pipeline_cny),
        "kpi-lost-count": str(summary.lost_count),
        "as-of": summary.as_of_date,
    }
    stages = {stage_key(s): s for s in summary.stages}
    for stage in ["NEGOTIATING", "SIGNED", "REGISTERED", "CONSTRUCTION_STARTED", "IN_PRODUCTION", "LOST"]:
        total = stages.get(stage)
        figures[f"stage-count-{stage}"] = str(total.project_count if total else 0)
        figures[f"stage-planned-{stage}"] = yi(total.planned_investment_cny if total else 0)
    funnel = {"NEGOTIATING", "SIGNED", "REGISTERED", "CONSTRUCTION_STARTED", "IN_PRODUCTION"}
    for tier in ["BELOW_1B", "1B", "2B", "5B"]:
        cells = [c for c in summary.cells
                 if stage_key(c) in funnel and enum_name(c, "tier") == f"INVESTMENT_TIER_{tier}"]
        figures[f"tier-count-{tier}"] = str(sum(c.project_count for c in cells))
        figures[f"tier-planned-{tier}"] = yi(sum(c.planned_investment_cny for c in cells))
    for unit in board.units:
        unit_id = unit.unit.removeprefix("units/")
        figures[f"unit-rank-{unit_id}"] = str(unit.rank)
        figures[f"unit-completion-{unit_id}"] = percent(unit.overall_completion) if unit.has_target else "—"
    figures["pool-enterprise-count"] = str(pool.enterprise_count)
    figures["sr-open"] = str(pool.service_requests.open_count)
    figures["sr-overdue"] = str(pool.service_requests.overdue_count)
    figures["sr-closed"] = str(pool.service_requests.closed_count)
    figures["trend-total-signed"] = str(sum(m.signed_projects for m in trend.months))
    figures["trend-total-signed-yi"] = yi(sum(m.signed_investment_cny for m in trend.months))
    figures["trend-total-starts"] = str(sum(m.construction_starts for m in trend.months))
    figures["trend-total-capital-yi"] = yi(sum(m.capital_arrived_cny for m in trend.months))
    return figures


# --- the run -----------------------------------------------------------------------------------

def run(args, tally, work_dir, processes):
    pb, pb_grpc = generate_stubs(args.proto_root, args.googleapis_root, os.path.join(work_dir, "gen"))
    owner_dsn, app_dsn = support.read_dsns(args.dsn)
    database = support.Database(owner_dsn, "crm_web")
    database.create()
    processes.append(database)

    token = secrets.token_hex(32)  # the bootstrap administrator's bearer token
    token_file = os.path.join(work_dir, "admin-token")
    with open(os.open(token_file, os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
        f.write(token + "\n")
    env = dict(os.environ, CRM_BOOTSTRAP_TOKEN=token)
    env.pop("CRM_DSN", None)
    # As deployed: migrations as the schema owner, the server as the application account.
    app_database_dsn = support.with_database(app_dsn, database.name) if app_dsn else database.dsn
    server = Process("crm-server", [args.server, f"--dsn={app_database_dsn}", f"--migrate_dsn={database.dsn}",
                                    f"--services={SERVICES}"], work_dir, env)
    processes.append(server)
    server_port = server.wait_for_port()
    channel = grpc.insecure_channel(f"127.0.0.1:{server_port}")
    stub = pb_grpc.DashboardServiceStub(channel)
    wait_for_dashboard(stub, pb, token)
    tally.ok(f"crm-server serves the dashboard on port {server_port}")

    demo = subprocess.run([args.demo_data, f"--addr=127.0.0.1:{server_port}", f"--token_file={token_file}"],
                          capture_output=True, text=True, timeout=DEMO_TIMEOUT_S)
    if demo.returncode != 0:
        raise RuntimeError(f"crm-demo-data failed ({demo.returncode}):\n{demo.stdout}{demo.stderr}")
    tally.ok("demo data loaded")

    web = Process("crm-web", [args.web, f"--crm_address=127.0.0.1:{server_port}"], work_dir)
    processes.append(web)
    web_port = web.wait_for_port()
    tally.ok(f"crm-web serves the page on port {web_port}")

    # The same calls the page makes on its first load (no year: this year).
    auth = [("authorization", f"Bearer {token}")]
    summary = stub.GetPipelineSummary(pb.GetPipelineSummaryRequest(), timeout=RPC_TIMEOUT_S, metadata=auth)
    board = stub.GetUnitScoreboard(pb.GetUnitScoreboardRequest(), timeout=RPC_TIMEOUT_S, metadata=auth)
    pool = stub.GetEnterprisePoolSummary(pb.GetEnterprisePoolSummaryRequest(), timeout=RPC_TIMEOUT_S, metadata=auth)
    trend = stub.GetTrend(pb.GetTrendRequest(), timeout=RPC_TIMEOUT_S, metadata=auth)
    channel.close()
    if summary.open_project_count == 0:
        raise RuntimeError("the demo data made no open project: the page's figures would prove little")
    os.makedirs(args.out_dir, exist_ok=True)
    expected_path = os.path.join(args.out_dir, "expected.json")
    with open(expected_path, "w") as f:
        json.dump({"year": summary.year, "figures": expected_figures(summary, board, pool, trend)}, f,
                  ensure_ascii=False, indent=2)
    tally.ok(f"expected figures written to {expected_path} ({summary.open_project_count} open projects)")

    browser = subprocess.run(
        [args.node, os.path.join(HERE, "dashboard_page.mjs"), f"--url=http://127.0.0.1:{web_port}/",
         f"--token-file={token_file}", f"--expected={expected_path}", f"--out-dir={args.out_dir}",
         f"--chromium={args.chromium}"],
        capture_output=True, text=True, timeout=BROWSER_TIMEOUT_S, cwd=HERE)
    # The script prints its own ok/FAIL lines; count them into this tally.
    for line in browser.stdout.splitlines():
        if line.startswith("ok    "):
            tally.ok("browser: " + line[6:])
        elif line.startswith("FAIL  "):
            tally.fail("browser", line[6:])
        else:
            print(f"      {line}", flush=True)
    if browser.stderr.strip():
        print(f"--- dashboard_page.mjs stderr ---\n{browser.stderr.rstrip()}\n--- end ---", flush=True)
    if browser.returncode != 0 and "FAIL  " not in browser.stdout:
        tally.fail("browser script", f"exit status {browser.returncode} without a failed check (see stderr)")


def main():
    args = parse_args()
    tally = Tally()
    work_dir = tempfile.mkdtemp(prefix="crm-browser-")
    processes = []  # started things, stopped in reverse order (the database is dropped last)
    try:
        run(args, tally, work_dir, processes)
    except Exception as e:  # set-up failed: nothing after it can run
        tally.fail("set-up", f"{type(e).__name__}: {e}")
    finally:
        for thing in reversed(processes):
            try:
                if isinstance(thing, support.Database):
                    thing.drop()
                else:
                    thing.stop()
                    if tally.failed or args.keep_logs:
                        print(f"--- {thing.name} log ---\n{thing.log_text().rstrip()}\n--- end of log ---")
            except Exception as e:
                tally.fail(f"clean-up of {getattr(thing, 'name', 'database')}", str(e))
        shutil.rmtree(work_dir, ignore_errors=True)
    print(f"{tally.passed} passed, {tally.failed} failed", flush=True)
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
