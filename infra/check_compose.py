"""The project's rules for infra/docker-compose.yml, beyond the Compose Specification's schema.

Every long-running service has a health check; every depends_on names a service that exists and
says which condition it waits for; every named volume is declared; images are pinned to a version;
secrets come from the environment (infra/.env), never from the file. Prints one line per broken
rule and exits 1, or prints a one-line summary and exits 0.
"""
import re
import sys

from ruamel.yaml import YAML

SECRET_KEY = re.compile(r"PASSWORD|SECRET|TOKEN|FERNET", re.IGNORECASE)
INTERPOLATED = re.compile(r"\$\{[A-Z0-9_]+(:?[?-][^}]*)?\}")
ONE_SHOT = {"airflow-init"}


def problems(compose):
    services = compose.get("services") or {}
    declared_volumes = set((compose.get("volumes") or {}).keys())
    for name, service in services.items():
        if name not in ONE_SHOT and "healthcheck" not in service:
            yield f"service {name}: no healthcheck"
        image = service.get("image", "")
        if "build" not in service and (":" not in image or image.endswith(":latest")):
            yield f"service {name}: image '{image}' is not pinned to a version"
        depends = service.get("depends_on") or {}
        if isinstance(depends, list):
            yield f"service {name}: depends_on must say the condition of each dependency"
            depends = {d: {} for d in depends}
        for dependency, how in depends.items():
            if dependency not in services:
                yield f"service {name}: depends_on an unknown service {dependency}"
            elif "condition" not in (how or {}):
                yield f"service {name}: depends_on {dependency} without a condition"
        for volume in service.get("volumes") or []:
            source = volume.split(":")[0] if isinstance(volume, str) else volume.get("source", "")
            if source and not source.startswith((".", "/", "~")) and source not in declared_volumes:
                yield f"service {name}: volume {source} is not declared under volumes"
        environment = service.get("environment") or {}
        if isinstance(environment, list):
            environment = dict(item.split("=", 1) if "=" in item else (item, "") for item in environment)
        for key, value in environment.items():
            text = "" if value is None else str(value)
            if SECRET_KEY.search(key) and text and not INTERPOLATED.search(text):
                yield f"service {name}: {key} holds a literal secret; take it from infra/.env as ${{{key}}}"
            if "@" in text and re.search(r"://[^/]*:[^/$@]+@", text) and not INTERPOLATED.search(text):
                yield f"service {name}: {key} has a password in its URL; take it from infra/.env"


def main(path):
    compose = YAML(typ="safe").load(open(path, encoding="utf-8"))
    found = list(problems(compose))
    for problem in found:
        print(f"{path}: {problem}")
    if found:
        return 1
    print(f"{path}: ok, {len(compose['services'])} services follow the project's compose rules")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "infra/docker-compose.yml"))
