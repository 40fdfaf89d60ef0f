"""What the Python end-to-end drivers share (tests/e2e/leads_e2e.py, tests/browser/
dashboard_browser_test.py): the test MariaDB's DSNs, a throwaway database on it, and Python stubs
compiled from the crm.v1 contracts."""

import importlib
import os
import shutil
import subprocess
import sys
import urllib.parse
import uuid


def compile_stubs(proto_root, googleapis_root, out_dir, protos, modules):
    """Compiles `protos` into out_dir and returns {key: imported module} for `modules` ({key: name}).

    Debian's protoc (3.21, as the C++ build uses) with Debian's grpc_python_plugin: the protoc
    inside python3-grpc-tools is older and refuses proto3 `optional` fields."""
    protoc = shutil.which("protoc")
    plugin = shutil.which("grpc_python_plugin")
    if not protoc or not plugin:
        raise RuntimeError("protoc and grpc_python_plugin are needed: run scripts/install-deps.sh")
    os.makedirs(out_dir, exist_ok=True)
    command = [protoc, f"-I{proto_root}", f"-I{googleapis_root}", f"--plugin=protoc-gen-grpc_python={plugin}",
               f"--python_out={out_dir}", f"--grpc_python_out={out_dir}", *protos]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"protoc failed ({result.returncode}):\n{result.stderr}")
    sys.path.insert(0, out_dir)
    return {key: importlib.import_module(name) for key, name in modules.items()}


def read_dsns(dsn, app_dsn=None):
    """The schema owner's DSN and the application account's (None when not known): the given ones,
    or else those of $CRM_TEST_DSN_FILE (ctest sets it) and the `app_dsn` file beside it."""
    if dsn:
        return dsn, app_dsn
    path = os.environ.get("CRM_TEST_DSN_FILE")
    if not path:
        raise RuntimeError("no database: pass --dsn or set CRM_TEST_DSN_FILE (ctest does)")
    with open(path) as f:
        owner = f.read().strip()
    # scripts/mariadb.sh writes the application account's DSN beside the owner's.
    app_path = os.path.join(os.path.dirname(path), "app_dsn")
    if not os.path.exists(app_path):
        return owner, None
    with open(app_path) as f:
        return owner, f.read().strip()


def with_database(dsn, name):
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(dsn)._replace(path=f"/{name}"))


class Database:
    """A uniquely named database on the MariaDB of a DSN, created and dropped with the mariadb client."""

    def __init__(self, server_dsn, prefix):
        url = urllib.parse.urlsplit(server_dsn)
        self.host, self.port = url.hostname, url.port or 3306
        self.user, self.password = urllib.parse.unquote(url.username), urllib.parse.unquote(url.password or "")
        self.name = f"{prefix}_{uuid.uuid4().hex[:16]}"
        self.dsn = with_database(server_dsn, self.name)

    def sql(self, statement):
        # The password goes through MYSQL_PWD, not the command line (visible in `ps`).
        command = ["mariadb", "--no-defaults", f"-h{self.host}", f"-P{self.port}", f"-u{self.user}",
                   "-e", statement]
        result = subprocess.run(command, env=dict(os.environ, MYSQL_PWD=self.password), capture_output=True,
                                text=True, timeout=60)
        if result.returncode != 0:
            raise RuntimeError(f"mariadb -e {statement!r} failed: {result.stderr.strip()}")

    def create(self):
        self.sql(f"CREATE DATABASE `{self.name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")

    def drop(self):
        self.sql(f"DROP DATABASE IF EXISTS `{self.name}`")
