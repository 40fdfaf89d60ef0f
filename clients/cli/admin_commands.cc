#include "clients/cli/admin_commands.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "clients/cli/output.h"

namespace crm::cli {
namespace {

std::string Prefixed(const std::string& collection, const std::string& arg) {
  return arg.find('/') == std::string::npos ? absl::StrCat(collection, "/", arg) : arg;
}

std::string RoleName(v1::Role role) { return std::string(absl::StripPrefix(v1::Role_Name(role), "ROLE_")); }

absl::StatusOr<v1::Role> ParseRole(const std::string& text) {
  v1::Role role;
  std::string name = absl::StrCat("ROLE_", absl::AsciiStrToUpper(absl::StripPrefix(text, "ROLE_")));
  if (!v1::Role_Parse(name, &role) || role == v1::ROLE_UNSPECIFIED) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--role: \"", text, "\" is not one of staff, unit_lead, leadership, admin, department_service"));
  }
  return role;
}


void PrintUsers(CommandEnv& env, const std::vector<v1::User>& users) {
  std::vector<std::vector<std::string>> rows;
  std::vector<const google::protobuf::Message*> messages;
  for (const v1::User& u : users) {
    rows.push_back({u.name(), u.display_name(), u.unit(), RoleName(u.role()), absl::StrJoin(u.scopes(), " "),
                    u.active() ? "yes" : "no"});
    messages.push_back(&u);
  }
  env.Out().Records({"user", "name", "unit", "role", "scopes", "active"}, rows, messages);
}

void PrintTokens(CommandEnv& env, const std::vector<v1::Token>& tokens) {
  std::vector<std::vector<std::string>> rows;
  std::vector<const google::protobuf::Message*> messages;
  for (const v1::Token& t : tokens) {
    rows.push_back({t.name(), t.principal(), t.prefix() + "…", t.description(), LocalTime(t.create_time()),
                    t.has_expire_time() ? LocalTime(t.expire_time()) : "never",
                    t.has_revoke_time() ? LocalTime(t.revoke_time()) : ""});
    messages.push_back(&t);
  }
  env.Out().Records({"token", "user", "prefix", "description", "created", "expires", "revoked"}, rows, messages);
}

}  // namespace

void AddAdminCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* admin = app.add_subcommand("admin", "units, users and tokens (ADMIN only)");
  admin->require_subcommand(1);

  CLI::App* unit = admin->add_subcommand("unit", "departments and promotion teams (单位)");
  unit->require_subcommand(1);
  {
    auto* cmd = unit->add_subcommand("create", "create a unit");
    auto* id = env.Make<std::string>();
    auto* name = env.Make<std::string>();
    cmd->add_option("id", *id, "the id, a-z 0-9 - _ (becomes units/{id})")->required();
    cmd->add_option("--name", *name, "display name, e.g. 招商一局")->required();
    Action(cmd, env, [&env, id, name]() -> absl::Status {
      v1::CreateUnitRequest req;
      req.set_unit_id(*id);
      req.mutable_unit()->set_display_name(*name);
      auto created = env.Admin().CreateUnit(req);
      if (!created.ok()) return created.status();
      env.Out().Records({"unit", "name"}, {{created->name(), created->display_name()}}, {&*created});
      return absl::OkStatus();
    });
    auto* list = unit->add_subcommand("list", "list units");
    Action(list, env, [&env]() -> absl::Status {
      v1::ListUnitsRequest req;
      std::vector<v1::Unit> units;
      absl::Status listed = CollectPages(
          req, 0, [&](const v1::ListUnitsRequest& r) { return env.Admin().ListUnits(r); },
          [](const v1::ListUnitsResponse& page) -> const auto& { return page.units(); }, units);
      if (!listed.ok()) return listed;
      std::vector<std::vector<std::string>> rows;
      std::vector<const google::protobuf::Message*> messages;
      for (const v1::Unit& u : units) {
        rows.push_back({u.name(), u.display_name(), LocalTime(u.create_time())});
        messages.push_back(&u);
      }
      env.Out().Records({"unit", "name", "created"}, rows, messages);
      return absl::OkStatus();
    });
  }

  CLI::App* user = admin->add_subcommand("user", "people and department accounts");
  user->require_subcommand(1);
  {
    auto* cmd = user->add_subcommand("create", "create a user");
    struct Flags {
      std::string id, name, unit, role;
      std::vector<std::string> scopes;
    };
    auto* f = env.Make<Flags>();
    cmd->add_option("id", f->id, "the id, a-z 0-9 - _ (becomes users/{id})")->required();
    cmd->add_option("--name", f->name, "display name")->required();
    cmd->add_option("--unit", f->unit, "unit id or units/{id}")->required();
    cmd->add_option("--role", f->role, "staff, unit_lead, leadership, admin or department_service")->required();
    cmd->add_option("--scope", f->scopes, "department_service only: a call scope, e.g. leads.read (repeatable)");
    Action(cmd, env, [&env, f]() -> absl::Status {
      auto role = ParseRole(f->role);
      if (!role.ok()) return role.status();
      v1::CreateUserRequest req;
      req.set_user_id(f->id);
      req.mutable_user()->set_display_name(f->name);
      req.mutable_user()->set_unit(Prefixed("units", f->unit));
      req.mutable_user()->set_role(*role);
      for (const std::string& scope : f->scopes) req.mutable_user()->add_scopes(scope);
      auto created = env.Admin().CreateUser(req);
      if (!created.ok()) return created.status();
      PrintUsers(env, {*created});
      return absl::OkStatus();
    });
    auto* list = user->add_subcommand("list", "list users");
    auto* unit_filter = env.Make<std::string>();
    list->add_option("--unit", *unit_filter, "only this unit");
    Action(list, env, [&env, unit_filter]() -> absl::Status {
      v1::ListUsersRequest req;
      if (!unit_filter->empty()) req.set_unit(Prefixed("units", *unit_filter));
      std::vector<v1::User> users;
      absl::Status listed = CollectPages(
          req, 0, [&](const v1::ListUsersRequest& r) { return env.Admin().ListUsers(r); },
          [](const v1::ListUsersResponse& page) -> const auto& { return page.users(); }, users);
      if (!listed.ok()) return listed;
      PrintUsers(env, users);
      return absl::OkStatus();
    });
    auto* update = user->add_subcommand("update", "change a user's name, unit, role, or deactivate them");
    struct UpdateFlags {
      std::string id, name, unit, role;
      std::vector<std::string> scopes;
      bool active = true;
    };
    auto* u = env.Make<UpdateFlags>();
    update->add_option("user", u->id, "user id or users/{id}")->required();
    auto* name_opt = update->add_option("--name", u->name, "display name");
    auto* unit_opt = update->add_option("--unit", u->unit, "unit id or units/{id}");
    auto* role_opt = update->add_option("--role", u->role, "new role");
    auto* active_opt = update->add_option("--active", u->active, "false deactivates: all their tokens stop working");
    auto* scope_opt = update->add_option("--scope", u->scopes, "replace the scopes (repeatable)");
    Action(update, env, [&env, u, name_opt, unit_opt, role_opt, active_opt, scope_opt]() -> absl::Status {
      v1::UpdateUserRequest req;
      req.mutable_user()->set_name(Prefixed("users", u->id));
      if (name_opt->count()) {
        req.mutable_user()->set_display_name(u->name);
        req.mutable_update_mask()->add_paths("display_name");
      }
      if (unit_opt->count()) {
        req.mutable_user()->set_unit(Prefixed("units", u->unit));
        req.mutable_update_mask()->add_paths("unit");
      }
      if (role_opt->count()) {
        auto role = ParseRole(u->role);
        if (!role.ok()) return role.status();
        req.mutable_user()->set_role(*role);
        req.mutable_update_mask()->add_paths("role");
      }
      if (scope_opt->count()) {
        for (const std::string& scope : u->scopes) req.mutable_user()->add_scopes(scope);
        req.mutable_update_mask()->add_paths("scopes");
      }
      if (active_opt->count()) {
        req.mutable_user()->set_active(u->active);
        req.mutable_update_mask()->add_paths("active");
      }
      if (req.update_mask().paths().empty()) return absl::InvalidArgumentError("nothing to change: give --name, --unit, --role or --active");
      auto updated = env.Admin().UpdateUser(req);
      if (!updated.ok()) return updated.status();
      PrintUsers(env, {*updated});
      return absl::OkStatus();
    });
  }

  {
    auto* cmd = admin->add_subcommand("audit", "read the audit log, newest first (LEADERSHIP and ADMIN)");
    struct AuditFlags {
      std::string principal, resource, method, outcome;
      int limit = 50;
    };
    auto* f = env.Make<AuditFlags>();
    cmd->add_option("--principal", f->principal, "only calls by users/{id}");
    cmd->add_option("--resource", f->resource, "only changes of this resource, e.g. leads/7");
    cmd->add_option("--method", f->method, "only this RPC, e.g. crm.v1.LeadService/UpdateLead");
    cmd->add_option("--outcome", f->outcome, "OK or PERMISSION_DENIED");
    cmd->add_option("--limit", f->limit, "at most this many events (0: all)")->capture_default_str()->check(CLI::NonNegativeNumber);
    Action(cmd, env, [&env, f]() -> absl::Status {
      v1::ListAuditEventsRequest req;
      req.set_principal(f->principal);
      req.set_resource(f->resource);
      req.set_method(f->method);
      req.set_outcome(f->outcome);
      std::vector<v1::AuditEvent> events;
      absl::Status listed = CollectPages(
          req, f->limit, [&](const v1::ListAuditEventsRequest& r) { return env.Admin().ListAuditEvents(r); },
          [](const v1::ListAuditEventsResponse& page) -> const auto& { return page.audit_events(); }, events);
      if (!listed.ok()) return listed;
      std::vector<std::vector<std::string>> rows;
      std::vector<const google::protobuf::Message*> messages;
      for (const v1::AuditEvent& e : events) {
        rows.push_back({LocalTime(e.occur_time()), e.principal(), e.method(), e.resource(), e.outcome()});
        messages.push_back(&e);
      }
      env.Out().Records({"time", "principal", "method", "resource", "outcome"}, rows, messages);
      return absl::OkStatus();
    });
  }

  CLI::App* token = admin->add_subcommand("token", "bearer tokens");
  token->require_subcommand(1);
  {
    auto* issue = token->add_subcommand("issue", "issue a token for a user; the secret is shown once");
    struct IssueFlags {
      std::string user, description;
      int days = 0;
    };
    auto* f = env.Make<IssueFlags>();
    issue->add_option("user", f->user, "user id or users/{id}")->required();
    issue->add_option("--description", f->description, "what it is for, e.g. 张三's laptop");
    issue->add_option("--expires-in-days", f->days, "days until it expires (0: never)")->check(CLI::NonNegativeNumber);
    Action(issue, env, [&env, f]() -> absl::Status {
      v1::IssueTokenRequest req;
      req.set_principal(Prefixed("users", f->user));
      req.set_description(f->description);
      if (f->days > 0) req.mutable_expire_time()->set_seconds(absl::ToUnixSeconds(absl::Now() + absl::Hours(24 * f->days)));
      auto issued = env.Admin().IssueToken(req);
      if (!issued.ok()) return issued.status();
      if (env.format == Format::kJson) {
        env.Out().Records({}, {}, {&*issued});
      } else {
        std::cout << issued->secret() << "\n";
        std::cerr << issued->token().name() << " for " << issued->token().principal()
                  << ": the secret above is shown only now; hand it over safely (crm login --token-file).\n";
      }
      return absl::OkStatus();
    });
    auto* list = token->add_subcommand("list", "a user's tokens (prefixes only)");
    auto* user_id = env.Make<std::string>();
    list->add_option("user", *user_id, "user id or users/{id}")->required();
    Action(list, env, [&env, user_id]() -> absl::Status {
      v1::ListTokensRequest req;
      req.set_principal(Prefixed("users", *user_id));
      auto tokens = env.Admin().ListTokens(req);
      if (!tokens.ok()) return tokens.status();
      PrintTokens(env, {tokens->tokens().begin(), tokens->tokens().end()});
      return absl::OkStatus();
    });
    auto* revoke = token->add_subcommand("revoke", "revoke a token: it fails from the next call on");
    auto* token_name = env.Make<std::string>();
    revoke->add_option("token", *token_name, "tokens/{id} or {id}")->required();
    Action(revoke, env, [&env, token_name]() -> absl::Status {
      v1::RevokeTokenRequest req;
      req.set_name(Prefixed("tokens", *token_name));
      auto revoked = env.Admin().RevokeToken(req);
      if (!revoked.ok()) return revoked.status();
      PrintTokens(env, {*revoked});
      return absl::OkStatus();
    });
  }
}

}  // namespace crm::cli
