#include "clients/cli/service_request_commands.h"

#include "absl/strings/str_cat.h"
#include "clients/cli/cell_parsers.h"
#include "clients/cli/enterprise_fields.h"
#include "clients/cli/enterprise_output.h"

namespace crm::cli {
namespace {

absl::Status Flagged(const char* flag, const absl::Status& status) {
  return absl::Status(status.code(), absl::StrCat(flag, ": ", status.message()));
}

// The writable fields of a request as flags; each names its update-mask path.
struct RequestFields {
  std::string category, priority, description, raised, due, first_responder, handling_unit;
  CLI::Option* category_opt = nullptr;
  CLI::Option* priority_opt = nullptr;
  CLI::Option* description_opt = nullptr;
  CLI::Option* raised_opt = nullptr;  // creates only
  CLI::Option* due_opt = nullptr;
  CLI::Option* first_responder_opt = nullptr;
  CLI::Option* handling_unit_opt = nullptr;

  void AddTo(CLI::App* cmd, bool creating) {
    category_opt = cmd->add_option("--category", category,
                                   "funding/融资, land_space/用地空间, talent/人才, permits/审批许可, policy/政策, "
                                   "intellectual_property/知识产权, market_access/市场准入拓展, other/其他");
    priority_opt = cmd->add_option("--priority", priority, "urgent/急事 or normal/一般");
    description_opt = cmd->add_option("--description", description, "what the enterprise asks for");
    if (creating) {
      raised_opt = cmd->add_option("--raised", raised, "the day it was raised, YYYY-MM-DD (default: today)");
    }
    due_opt = cmd->add_option("--due", due, "due date, YYYY-MM-DD (default: by the policy for the priority)");
    first_responder_opt = cmd->add_option("--first-responder", first_responder,
                                          "the unit that took it (首问负责), units/{id} or {id} (default: yours)");
    handling_unit_opt = cmd->add_option("--handling-unit", handling_unit,
                                        "the unit handling it, units/{id} or {id} (default: the first responder)");
  }

  // Sets the given fields of `r` and their paths in `mask` (when not null).
  absl::Status Fill(v1::ServiceRequest& r, google::protobuf::FieldMask* mask) const {
    auto given = [&](CLI::Option* opt, const char* path) {
      if (opt == nullptr || opt->count() == 0) return false;
      if (mask) mask->add_paths(path);
      return true;
    };
    if (given(category_opt, "category")) {
      auto c = ParseCategory(category);
      if (!c.ok()) return Flagged("--category", c.status());
      r.set_category(*c);
    }
    if (given(priority_opt, "priority")) {
      auto p = ParsePriority(priority);
      if (!p.ok()) return Flagged("--priority", p.status());
      r.set_priority(*p);
    }
    if (given(description_opt, "description")) r.set_description(description);
    if (given(raised_opt, "raised_date")) {
      auto day = ParseDay(raised);
      if (!day.ok()) return Flagged("--raised", day.status());
      r.set_raised_date(*day);
    }
    if (given(due_opt, "due_date")) {
      auto day = ParseDay(due);
      if (!day.ok()) return Flagged("--due", day.status());
      r.set_due_date(*day);
    }
    if (given(first_responder_opt, "first_responder_unit")) {
      r.set_first_responder_unit(PrefixedName("units", first_responder));
    }
    if (given(handling_unit_opt, "handling_unit")) r.set_handling_unit(PrefixedName("units", handling_unit));
    return absl::OkStatus();
  }
};

// The filters of `requests list`.
struct ListFlags {
  std::string enterprise, status, unit, color, category;
  bool overdue = false;
  int limit = 0;

  void AddTo(CLI::App* cmd) {
    cmd->add_option("--enterprise", enterprise, "one enterprise's requests, enterprises/{id} or {id} (default: all)");
    cmd->add_option("--status", status,
                    "open/待受理, accepted/已受理, in_progress/办理中, resolved/已办结, closed/已关闭, reopened/已重开");
    cmd->add_option("--unit", unit, "requests this unit took or handles, units/{id} or {id}");
    cmd->add_flag("--overdue", overdue, "only open requests on or past their due date");
    // Not --color: that is the global flag for terminal colours, which may follow the command.
    cmd->add_option("--escalation", color, "only open requests of this 督办 colour: red/红, yellow/黄, blue/蓝");
    cmd->add_option("--category", category, "funding/融资, land_space/用地空间, talent/人才, …");
    cmd->add_option("--limit", limit, "stop after this many requests (0: all)")->check(CLI::NonNegativeNumber);
  }

  absl::StatusOr<v1::ListServiceRequestsRequest> Request() const {
    v1::ListServiceRequestsRequest req;
    req.set_parent(enterprise.empty() ? "enterprises/-" : EnterpriseName(enterprise));
    if (!status.empty()) {
      auto s = ParseRequestStatus(status);
      if (!s.ok()) return Flagged("--status", s.status());
      req.set_status(*s);
    }
    if (!color.empty()) {
      auto c = ParseColor(color);
      if (!c.ok()) return Flagged("--escalation", c.status());
      req.set_escalation_color(*c);
    }
    if (!category.empty()) {
      auto c = ParseCategory(category);
      if (!c.ok()) return Flagged("--category", c.status());
      req.set_category(*c);
    }
    req.set_unit(PrefixedName("units", unit));
    req.set_overdue_only(overdue);
    return req;
  }
};

// The status changes: a request's name, an optional etag, and what each needs.
enum class Step { kAccept, kStart, kResolve, kClose, kReopen };
struct StepFlags {
  std::string name, etag, resolution, reason, request_id;
  int satisfaction = 0;
};

absl::StatusOr<v1::ServiceRequest> TakeStep(client::EnterprisesClient& c, Step step, const StepFlags& f) {
  auto named = [&](auto req) {
    req.set_name(ServiceRequestName(f.name));
    req.set_etag(f.etag);
    req.set_request_id(f.request_id);
    return req;
  };
  switch (step) {
    case Step::kAccept: return c.AcceptServiceRequest(named(v1::AcceptServiceRequestRequest()));
    case Step::kStart: return c.StartServiceRequest(named(v1::StartServiceRequestRequest()));
    case Step::kResolve: {
      auto req = named(v1::ResolveServiceRequestRequest());
      req.set_resolution(f.resolution);
      return c.ResolveServiceRequest(req);
    }
    case Step::kClose: {
      auto req = named(v1::CloseServiceRequestRequest());
      req.set_satisfaction(f.satisfaction);
      return c.CloseServiceRequest(req);
    }
    case Step::kReopen: {
      auto req = named(v1::ReopenServiceRequestRequest());
      req.set_reason(f.reason);
      return c.ReopenServiceRequest(req);
    }
  }
  return absl::InternalError("unknown step");
}

}  // namespace

void AddServiceRequestCommands(CLI::App& app, CommandEnv& env) {
  auto out = [&env] { return EnterprisePrinter(std::cout, env.format, env.color); };
  CLI::App* group = app.add_subcommand("requests", "service requests (服务清单) of the pool's enterprises");
  group->require_subcommand(1);

  {
    auto* cmd = group->add_subcommand("list", "list requests, earliest due date first, with the 督办 colour");
    auto* flags = env.Make<ListFlags>();
    flags->AddTo(cmd);
    Action(cmd, env, [&env, out, flags]() -> absl::Status {
      auto req = flags->Request();
      if (!req.ok()) return req.status();
      std::vector<v1::ServiceRequest> all;
      absl::Status listed = CollectPages(
          *req, flags->limit,
          [&](const v1::ListServiceRequestsRequest& r) { return env.Enterprises().ListServiceRequests(r); },
          [](const v1::ListServiceRequestsResponse& page) -> const auto& { return page.service_requests(); }, all);
      if (!listed.ok()) return listed;
      out().ServiceRequests(all);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand("get", "show one request");
    auto* name = env.Make<std::string>();
    cmd->add_option("request", *name, "enterprises/{id}/serviceRequests/{id} or {enterprise id}/{id}")->required();
    Action(cmd, env, [&env, out, name]() -> absl::Status {
      v1::GetServiceRequestRequest req;
      req.set_name(ServiceRequestName(*name));
      auto r = env.Enterprises().GetServiceRequest(req);
      if (!r.ok()) return r.status();
      out().ServiceRequest(*r);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand("create", "log what an enterprise asks for");
    auto* enterprise = env.Make<std::string>();
    auto* fields = env.Make<RequestFields>();
    auto* request_id = env.Make<std::string>();
    cmd->add_option("enterprise", *enterprise, "enterprises/{id} or {id}")->required();
    fields->AddTo(cmd, /*creating=*/true);
    fields->category_opt->required();
    fields->priority_opt->required();
    fields->description_opt->required();
    cmd->add_option("--request-id", *request_id, "UUID making a retry safe (default: a new one)");
    Action(cmd, env, [&env, out, enterprise, fields, request_id]() -> absl::Status {
      v1::CreateServiceRequestRequest req;
      req.set_parent(EnterpriseName(*enterprise));
      req.set_request_id(*request_id);
      absl::Status filled = fields->Fill(*req.mutable_service_request(), nullptr);
      if (!filled.ok()) return filled;
      auto created = env.Enterprises().CreateServiceRequest(req);
      if (!created.ok()) return created.status();
      out().ServiceRequest(*created);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand("update", "change the given fields of a request that is not closed");
    auto* name = env.Make<std::string>();
    auto* etag = env.Make<std::string>();
    auto* fields = env.Make<RequestFields>();
    cmd->add_option("request", *name, "enterprises/{id}/serviceRequests/{id} or {enterprise id}/{id}")->required();
    fields->AddTo(cmd, /*creating=*/false);
    cmd->add_option("--etag", *etag, "only if the request is still at this etag");
    Action(cmd, env, [&env, out, name, etag, fields]() -> absl::Status {
      v1::UpdateServiceRequestRequest req;
      absl::Status filled = fields->Fill(*req.mutable_service_request(), req.mutable_update_mask());
      if (!filled.ok()) return filled;
      if (req.update_mask().paths().empty()) {
        return absl::InvalidArgumentError("nothing to change: give at least one field flag");
      }
      req.mutable_service_request()->set_name(ServiceRequestName(*name));
      req.mutable_service_request()->set_etag(*etag);
      auto updated = env.Enterprises().UpdateServiceRequest(req);
      if (!updated.ok()) return updated.status();
      out().ServiceRequest(*updated);
      return absl::OkStatus();
    });
  }
  struct StepCommand {
    const char* name;
    Step step;
    const char* help;
  };
  for (const StepCommand& s : {StepCommand{"accept", Step::kAccept, "take an open request (待受理 → 已受理)"},
                               StepCommand{"start", Step::kStart, "start work (已受理/已重开 → 办理中)"},
                               StepCommand{"resolve", Step::kResolve, "record the answer (办理中 → 已办结), --resolution"},
                               StepCommand{"close", Step::kClose, "close with the rating, --satisfaction 1-5"},
                               StepCommand{"reopen", Step::kReopen, "the enterprise is not satisfied (已办结 → 已重开)"}}) {
    auto* cmd = group->add_subcommand(s.name, s.help);
    auto* f = env.Make<StepFlags>();
    cmd->add_option("request", f->name, "enterprises/{id}/serviceRequests/{id} or {enterprise id}/{id}")->required();
    cmd->add_option("--etag", f->etag, "only if the request is still at this etag");
    cmd->add_option("--request-id", f->request_id, "UUID making a retry safe (default: a new one)");
    if (s.step == Step::kResolve) {
      cmd->add_option("--resolution", f->resolution, "what was done (required)")->required();
    }
    if (s.step == Step::kClose) {
      cmd->add_option("--satisfaction", f->satisfaction, "1 (very unsatisfied) to 5 (very satisfied)")
          ->required()
          ->check(CLI::Range(1, 5));
    }
    if (s.step == Step::kReopen) cmd->add_option("--reason", f->reason, "why (required)")->required();
    Step step = s.step;
    Action(cmd, env, [&env, out, step, f]() -> absl::Status {
      auto r = TakeStep(env.Enterprises(), step, *f);
      if (!r.ok()) return r.status();
      out().ServiceRequest(*r);
      return absl::OkStatus();
    });
  }
}

}  // namespace crm::cli
