#!/usr/bin/python3
"""End-to-end test of crm-server, driven by a client that is not ours.

It generates Python stubs for the crm.v1 contracts (and google.rpc Status/BadRequest) with
Debian's protoc and grpc_python_plugin, creates a fresh database, starts the BUILT crm-server on 127.0.0.1:0 with a random
bearer token, and checks over the wire with Debian's grpcio: health and reflection, auth,
UTF-8 round trips, USCC validation details, request_id idempotency, paging, update_mask and
etags, the NEW -> QUALIFIED move, soft delete and undelete, a client-streaming enterprise import and
an EvaluateEnterprise, and a clean exit on SIGTERM.
It prints one line per check and ends with `N passed, M failed`; the exit status is non-zero
if anything failed.

ctest runs it as `leads_e2e` (tests/e2e/CMakeLists.txt). By hand, with a running MariaDB
(e.g. `scripts/mariadb.sh start /tmp/crm-db`), from the repository root:

  /usr/bin/python3 tests/e2e/leads_e2e.py --server build/services/crm-server \
      --proto-root proto --dsn "$(scripts/mariadb.sh dsn /tmp/crm-db)"

Use Debian's /usr/bin/python3: it has python3-grpcio and python3-protobuf.
"""

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import uuid

import grpc

import crm_e2e_support as support

STARTUP_TIMEOUT_S = 30
SHUTDOWN_TIMEOUT_S = 15
RPC_TIMEOUT_S = 10
VALID_USCC = "91350200776049653A"
BAD_CHECK_USCC = "91350200776049653B"  # the check character should be 'A'
HEALTH_SERVING = 1  # grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING


class CheckFailed(Exception):
    """A check's expectation did not hold; the message says what was expected and what came back."""


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


def expect_equal(got, want, what):
    expect(got == want, f"{what}: expected {want!r}, got {got!r}")


# --- set-up: arguments, stubs, database, server ---------------------------------------------

def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", required=True, help="the built crm-server binary")
    parser.add_argument("--proto-root", required=True, help="directory holding crm/v1/*.proto")
    parser.add_argument("--googleapis-root", default="/usr/share/gocode/src/github.com/gogo/googleapis",
                        help="directory holding google/rpc/{status,error_details}.proto")
    parser.add_argument("--dsn", help="mysql://USER:PASSWORD@HOST:PORT/ of a MariaDB whose account may "
                                      "create databases (default: the contents of $CRM_TEST_DSN_FILE, with app_dsn beside it)")
    parser.add_argument("--app-dsn", help="with --dsn: the application account's DSN (default: the owner's)")
    parser.add_argument("--keep-logs", action="store_true", help="print the server log even on success")
    return parser.parse_args()


def generate_stubs(proto_root, googleapis_root, out_dir):
    """The Python stubs this test calls through (see crm_e2e_support.compile_stubs)."""
    protos = ["crm/v1/common.proto", "crm/v1/method_options.proto", "crm/v1/leads_service.proto", "crm/v1/enterprises_service.proto",
              "crm/v1/projects_service.proto",
              "google/rpc/status.proto", "google/rpc/error_details.proto"]
    names = {"leads": "crm.v1.leads_service_pb2", "leads_grpc": "crm.v1.leads_service_pb2_grpc",
             "common": "crm.v1.common_pb2",
             "enterprises": "crm.v1.enterprises_service_pb2",
             "enterprises_grpc": "crm.v1.enterprises_service_pb2_grpc", "status": "google.rpc.status_pb2",
             "error_details": "google.rpc.error_details_pb2"}
    return argparse.Namespace(**support.compile_stubs(proto_root, googleapis_root, out_dir, protos, names))


class Server:
    """The crm-server process: started on 127.0.0.1:0, its port read from --port_file."""

    def __init__(self, binary, dsn, migrate_dsn, work_dir):
        self.token = secrets.token_hex(32)  # 64 characters; the bootstrap admin's bearer token
        self.port_file = os.path.join(work_dir, "port")
        self.log_path = os.path.join(work_dir, "crm-server.log")
        self.log = open(self.log_path, "wb")
        env = dict(os.environ, CRM_BOOTSTRAP_TOKEN=self.token)
        env.pop("CRM_DSN", None)
        self.process = subprocess.Popen(
            [binary, f"--dsn={dsn}", f"--migrate_dsn={migrate_dsn}", "--listen=127.0.0.1:0",
             f"--port_file={self.port_file}"],
            env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.port = None

    def wait_for_port(self, deadline):
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"crm-server exited with {self.process.returncode} before listening")
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

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log.close()


# --- health and reflection without generated stubs ------------------------------------------
# Debian packages neither grpcio-health-checking nor grpcio-reflection, nor their .proto files,
# so these two calls use raw bytes: an empty HealthCheckRequest is b"", and the few fields read
# back are decoded with the tiny wire-format reader below.

def wire_fields(data):
    """Yields (field_number, value) of a serialized message; value is an int or bytes."""
    i = 0

    def varint():
        nonlocal i
        result = shift = 0
        while True:
            byte = data[i]
            i += 1
            result |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return result

    while i < len(data):
        key = varint()
        number, wire_type = key >> 3, key & 7
        if wire_type == 0:
            yield number, varint()
        elif wire_type == 2:
            length = varint()
            yield number, data[i:i + length]
            i += length
        elif wire_type in (1, 5):
            size = 8 if wire_type == 1 else 4
            yield number, data[i:i + size]
            i += size
        else:
            raise ValueError(f"unsupported wire type {wire_type}")


def health_status(channel, service=""):
    """grpc.health.v1.Health/Check; returns the status number (SERVING = 1)."""
    check = channel.unary_unary("/grpc.health.v1.Health/Check")
    request = b"" if not service else b"\x0a" + bytes([len(service)]) + service.encode()
    response = check(request, timeout=2)
    return dict(wire_fields(response)).get(1, 0)


def reflected_services(channel):
    """The service names grpc.reflection.v1alpha lists (ServerReflectionRequest.list_services)."""
    info = channel.stream_stream("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")
    request = b"\x3a\x01*"  # field 7 (list_services) = "*"
    names = []
    for response in info(iter([request]), timeout=RPC_TIMEOUT_S):
        for number, value in wire_fields(response):
            if number == 7:  # error_response
                raise CheckFailed(f"reflection answered an error: {value!r}")
            if number == 6:  # list_services_response { repeated ServiceResponse service = 1 }
                for _, service in wire_fields(value):
                    names.append(dict(wire_fields(service))[1].decode())
    return names


def wait_for_serving(channel, deadline):
    last = "no answer"
    while time.monotonic() < deadline:
        try:
            status = health_status(channel)
            if status == HEALTH_SERVING:
                return
            last = f"status {status}"
        except grpc.RpcError as e:
            last = f"{e.code().name}: {e.details()}"
        time.sleep(0.1)
    raise RuntimeError(f"health never SERVING within {STARTUP_TIMEOUT_S} s (last: {last})")


# --- the checks ------------------------------------------------------------------------------

class Client:
    """The LeadService stub plus the bits every check needs."""

    def __init__(self, pb, channel, token):
        self.pb = pb
        self.stub = pb.leads_grpc.LeadServiceStub(channel)
        self.enterprises = pb.enterprises_grpc.EnterpriseServiceStub(channel)
        self.auth = [("authorization", f"Bearer {token}")]
        self.tag_counter = 0

    def call(self, method, request, metadata=None):
        return getattr(self.stub, method)(request, timeout=RPC_TIMEOUT_S,
                                          metadata=self.auth if metadata is None else metadata)

    def expect_error(self, code, method, request, metadata=None):
        try:
            response = self.call(method, request, metadata)
        except grpc.RpcError as e:
            expect(e.code() == code,
                   f"{method}: expected {code.name}, got {e.code().name}: {e.details()}")
            return e
        raise CheckFailed(f"{method}: expected {code.name}, got OK: {response}")

    def unique_tag(self):
        """A marker to put in company names, so a check lists only its own leads."""
        self.tag_counter += 1
        return f"e2e{self.tag_counter}x{secrets.token_hex(4)}"

    def new_lead(self, company_name, **fields):
        fields.setdefault("target_list", self.pb.common.TARGET_LIST_PRIVATE_TOP_500)
        fields.setdefault("channel", self.pb.common.LEAD_CHANNEL_OUTBOUND_VISIT)
        return self.pb.leads.Lead(company_name=company_name, **fields)

    def create(self, company_name, request_id="", **fields):
        request = self.pb.leads.CreateLeadRequest(lead=self.new_lead(company_name, **fields),
                                                  request_id=request_id)
        return self.call("CreateLead", request)

    def list_names(self, tag, show_deleted=False, page_size=0):
        """The names of the leads whose company name contains tag, following every page, and the
        size of each page."""
        names, sizes, token = [], [], ""
        while True:
            response = self.call("ListLeads", self.pb.leads.ListLeadsRequest(
                company_name_contains=tag, show_deleted=show_deleted, page_size=page_size, page_token=token))
            names.extend(lead.name for lead in response.leads)
            sizes.append(len(response.leads))
            token = response.next_page_token
            if not token:
                return names, sizes
            expect(len(sizes) < 100, "ListLeads: still returning a next_page_token after 100 pages")


def bad_request_of(error, pb):
    """The google.rpc.BadRequest in an error's grpc-status-details-bin trailer."""
    details = dict(error.trailing_metadata() or ()).get("grpc-status-details-bin")
    expect(details is not None, f"no grpc-status-details-bin trailer (details: {error.details()!r})")
    status = pb.status.Status.FromString(details)
    for detail in status.details:
        if detail.Is(pb.error_details.BadRequest.DESCRIPTOR):
            bad_request = pb.error_details.BadRequest()
            detail.Unpack(bad_request)
            return bad_request
    raise CheckFailed(f"google.rpc.Status has no BadRequest detail: {status}")


def check_reflection_lists_lead_service(client, channel):
    names = reflected_services(channel)
    expect("crm.v1.LeadService" in names, f"reflection: expected crm.v1.LeadService among {names}")
    expect_equal(health_status(channel, "crm.v1.LeadService"), HEALTH_SERVING, "health of crm.v1.LeadService")


def check_calls_need_a_valid_token(client, channel):
    request = client.pb.leads.ListLeadsRequest(page_size=1)
    client.expect_error(grpc.StatusCode.UNAUTHENTICATED, "ListLeads", request, metadata=[])
    wrong = [("authorization", f"Bearer {secrets.token_hex(32)}")]
    client.expect_error(grpc.StatusCode.UNAUTHENTICATED, "ListLeads", request, metadata=wrong)


def check_utf8_round_trip(client, channel):
    company = f"厦门𠮷祥智能科技有限公司 {client.unique_tag()}"  # 𠮷 is 4 bytes in UTF-8
    notes = "走访：总经理表示有意向在软件园三期设立区域总部 🏢，预计投资 2 亿元。\n第二行 𠮷"
    created = client.create(company, notes=notes)
    got = client.call("GetLead", client.pb.leads.GetLeadRequest(name=created.name))
    expect_equal(got.company_name, company, "GetLead company_name")
    expect_equal(got.notes, notes, "GetLead notes")
    expect_equal(created.company_name, company, "CreateLead company_name")


def check_bad_uscc_is_explained(client, channel):
    request = client.pb.leads.CreateLeadRequest(
        lead=client.new_lead(f"校验码错误公司 {client.unique_tag()}", uscc=BAD_CHECK_USCC))
    error = client.expect_error(grpc.StatusCode.INVALID_ARGUMENT, "CreateLead", request)
    violations = {v.field: v.description for v in bad_request_of(error, client.pb).field_violations}
    expect("lead.uscc" in violations, f"BadRequest: expected a violation of lead.uscc, got {violations}")
    expect("check character should be 'A'" in violations["lead.uscc"],
           f"lead.uscc violation: expected it to say the check character should be 'A', "
           f"got {violations['lead.uscc']!r}")
    # The control: with the right check character the same lead is accepted.
    request.lead.uscc = VALID_USCC
    created = client.call("CreateLead", request)
    expect_equal(created.uscc, VALID_USCC, "CreateLead with the corrected USCC")


def check_request_id_makes_create_idempotent(client, channel):
    tag = client.unique_tag()
    request_id = str(uuid.uuid4())
    first = client.create(f"重试公司 {tag}", request_id=request_id)
    second = client.create(f"重试公司 {tag}", request_id=request_id)
    expect_equal(second.name, first.name, "the retried CreateLead's lead")
    names, _ = client.list_names(tag)
    expect_equal(names, [first.name], "ListLeads after a retried CreateLead")


def check_paging_returns_each_lead_once(client, channel):
    tag = client.unique_tag()
    created = [client.create(f"分页公司{i} {tag}").name for i in range(5)]
    names, sizes = client.list_names(tag, page_size=2)
    expect(max(sizes) <= 2, f"ListLeads page_size=2: expected pages of at most 2, got sizes {sizes}")
    duplicates = sorted({n for n in names if names.count(n) > 1})
    expect(not duplicates, f"ListLeads page_size=2: duplicates {duplicates} in {names}")
    expect_equal(sorted(names), sorted(created), "ListLeads page_size=2 over 5 leads")


def check_update_mask_and_stale_etag(client, channel):
    pb = client.pb
    tag = client.unique_tag()
    created = client.create(f"更新公司 {tag}", notes="初次走访", country_region="CN")
    patch = pb.leads.Lead(name=created.name, etag=created.etag, notes="二次走访 ✅",
                          company_name="must not change", country_region="DE")
    request = pb.leads.UpdateLeadRequest(lead=patch)
    request.update_mask.paths.append("notes")
    updated = client.call("UpdateLead", request)
    expect_equal(updated.notes, "二次走访 ✅", "UpdateLead notes (in the mask)")
    expect_equal(updated.company_name, created.company_name, "UpdateLead company_name (not in the mask)")
    expect_equal(updated.country_region, "CN", "UpdateLead country_region (not in the mask)")
    expect(updated.etag and updated.etag != created.etag,
           f"UpdateLead: expected a new etag, got {updated.etag!r} (was {created.etag!r})")
    stored = client.call("GetLead", pb.leads.GetLeadRequest(name=created.name))
    expect_equal(stored.notes, "二次走访 ✅", "GetLead notes after UpdateLead")
    request.lead.notes = "stale write"  # still carries the first etag
    client.expect_error(grpc.StatusCode.ABORTED, "UpdateLead", request)
    stored = client.call("GetLead", pb.leads.GetLeadRequest(name=created.name))
    expect_equal(stored.notes, "二次走访 ✅", "GetLead notes after the stale UpdateLead")


def check_qualify_moves_new_to_qualified_once(client, channel):
    pb = client.pb
    created = client.create(f"资格公司 {client.unique_tag()}")
    expect_equal(pb.leads.LeadStatus.Name(created.status), "LEAD_STATUS_NEW", "status after CreateLead")
    qualified = client.call("QualifyLead", pb.leads.QualifyLeadRequest(name=created.name))
    expect_equal(pb.leads.LeadStatus.Name(qualified.status), "LEAD_STATUS_QUALIFIED", "status after QualifyLead")
    client.expect_error(grpc.StatusCode.FAILED_PRECONDITION, "QualifyLead",
                        pb.leads.QualifyLeadRequest(name=created.name))


def check_delete_hides_and_undelete_restores(client, channel):
    pb = client.pb
    tag = client.unique_tag()
    kept = client.create(f"保留公司 {tag}").name
    lead = client.create(f"删除公司 {tag}").name
    deleted = client.call("DeleteLead", pb.leads.DeleteLeadRequest(name=lead))
    expect(deleted.HasField("delete_time"), f"DeleteLead: expected a delete_time, got {deleted}")
    names, _ = client.list_names(tag)
    expect_equal(names, [kept], "ListLeads after DeleteLead")
    names, _ = client.list_names(tag, show_deleted=True)
    expect_equal(sorted(names), sorted([kept, lead]), "ListLeads show_deleted after DeleteLead")
    restored = client.call("UndeleteLead", pb.leads.UndeleteLeadRequest(name=lead))
    expect(not restored.HasField("delete_time"), f"UndeleteLead: expected no delete_time, got {restored}")
    names, _ = client.list_names(tag)
    expect_equal(sorted(names), sorted([kept, lead]), "ListLeads after UndeleteLead")


def check_enterprise_import_stream_and_evaluation(client, channel):
    """Client streaming from another gRPC stack: rows in two messages, one bad; then screening."""
    pb = client.pb.enterprises
    def row(uscc, name):
        return pb.Enterprise(uscc=uscc, company_name=name, founded_date="2022-03-01",
                             industry=client.pb.common.INDUSTRY_SECTION_C, in_zone=True)
    messages = [pb.ImportEnterprisesRequest(enterprises=[row("91350213678251743X", "e2e 云芯科技有限公司"),
                                                         row("91350213678251743Y", "e2e 校验位错误")]),
                pb.ImportEnterprisesRequest(enterprises=[row("91110000600001760P", "e2e 第二批企业")])]
    result = client.enterprises.ImportEnterprises(iter(messages), timeout=RPC_TIMEOUT_S, metadata=client.auth)
    expect_equal((result.created_count, result.rejected_count), (2, 1), "created, rejected")
    expect_equal([r.row for r in result.results], [0, 1, 2], "row numbers across messages")
    expect("uscc" in result.results[1].reason, f"rejected row names its field: {result.results[1].reason}")
    name = result.results[0].enterprise
    figures = pb.YearlyMetrics(name=f"{name}/yearlyMetrics/2025", valuation_cny=720_000_000)
    client.enterprises.UpdateYearlyMetrics(
        pb.UpdateYearlyMetricsRequest(yearly_metrics=figures, update_mask={"paths": ["valuation_cny"]},
                                      allow_missing=True),
        timeout=RPC_TIMEOUT_S, metadata=client.auth)
    evaluation = client.enterprises.EvaluateEnterprise(pb.EvaluateEnterpriseRequest(name=name),
                                                       timeout=RPC_TIMEOUT_S, metadata=client.auth)
    potential = [e for e in evaluation.evaluations if e.title == pb.CERTIFICATION_TITLE_POTENTIAL_UNICORN]
    expect(potential and potential[0].qualified, "a ¥7.2亿 firm founded in 2022 is a potential unicorn")
    explanations = " / ".join(c.explanation for c in potential[0].criteria)
    expect("¥7.2亿 ≥ ¥7亿" in explanations, f"explanations carry the numbers: {explanations}")


CHECKS = [
    check_reflection_lists_lead_service,
    check_calls_need_a_valid_token,
    check_utf8_round_trip,
    check_bad_uscc_is_explained,
    check_request_id_makes_create_idempotent,
    check_paging_returns_each_lead_once,
    check_update_mask_and_stale_etag,
    check_qualify_moves_new_to_qualified_once,
    check_delete_hides_and_undelete_restores,
    check_enterprise_import_stream_and_evaluation,
]


# --- the run ---------------------------------------------------------------------------------

class Tally:
    def __init__(self):
        self.passed = self.failed = 0

    def run(self, name, fn, *args):
        try:
            fn(*args)
        except CheckFailed as e:
            self.fail(name, str(e))
        except grpc.RpcError as e:
            self.fail(name, f"unexpected {e.code().name}: {e.details()}")
        except Exception:  # a bug in the check itself: show where
            self.fail(name, traceback.format_exc())
        else:
            self.passed += 1
            print(f"PASS {name}", flush=True)

    def fail(self, name, why):
        self.failed += 1
        print(f"FAIL {name}: {why}", flush=True)


def check_sigterm_exits_cleanly(server):
    server.process.send_signal(signal.SIGTERM)
    try:
        code = server.process.wait(timeout=SHUTDOWN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise CheckFailed(f"crm-server still running {SHUTDOWN_TIMEOUT_S} s after SIGTERM")
    expect_equal(code, 0, "crm-server exit status after SIGTERM")


def run_against_server(pb, server, tally):
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    port = server.wait_for_port(deadline)
    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        wait_for_serving(channel, deadline)
        print(f"PASS crm-server listening on 127.0.0.1:{port} and SERVING", flush=True)
        tally.passed += 1
        client = Client(pb, channel, server.token)
        for check in CHECKS:
            tally.run(check.__name__[len("check_"):], check, client, channel)
    tally.run("sigterm_exits_cleanly", check_sigterm_exits_cleanly, server)


def main():
    args = parse_args()
    tally = Tally()
    work_dir = tempfile.mkdtemp(prefix="crm-e2e-")
    database = server = None
    try:
        pb = generate_stubs(args.proto_root, args.googleapis_root, os.path.join(work_dir, "gen"))
        owner_dsn, app_dsn = support.read_dsns(args.dsn, args.app_dsn)
        database = support.Database(owner_dsn, "crm_e2e")
        database.create()
        # As deployed: migrations as the schema owner, the server as the application account.
        server = Server(args.server, support.with_database(app_dsn, database.name) if app_dsn else database.dsn,
                        database.dsn, work_dir)
        run_against_server(pb, server, tally)
    except Exception as e:  # set-up failed: nothing after it can run
        tally.fail("set-up", f"{type(e).__name__}: {e}")
    finally:
        if server:
            server.kill()
            if tally.failed or args.keep_logs:
                print("--- crm-server log ---\n" + server.log_text().rstrip() + "\n--- end of log ---")
        if database:
            try:
                database.drop()
            except Exception as e:
                tally.fail("drop database", str(e))
        shutil.rmtree(work_dir, ignore_errors=True)
    print(f"{tally.passed} passed, {tally.failed} failed", flush=True)
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
