"""The project's rules for infra/docker-compose.yml, beyond the Compose Specification's schema.

Every long-running service has a health check; every depends_on names a service that exists and
says which condition it waits for; every named volume and secret is declared; images are pinned to a
version; secrets come from the environment (infra/.env), never from the file. When Kafka or Cassandra
demands a login (infra/docker-compose.secure.yml), every service that talks to it has the client
settings. Several files are merged first, as `docker compose -f A -f B` does. Prints one line per
broken rule and exits 1, or prints a one-line summary and exits 0.
"""
import re
import sys

from ruamel.yaml import YAML

SECRET_KEY = re.compile(r"PASSWORD|SECRET|TOKEN|FERNET|JAAS", re.IGNORECASE)
INTERPOLATED = re.compile(r"\$\{[A-Z0-9_]+(:?[?-][^}]*)?\}")
ONE_SHOT = {"airflow-init", "cassandra-init"}
# sequences Compose merges across files; any other sequence (command, healthcheck test) is replaced
MERGED_SEQUENCES = {"volumes", "secrets", "ports", "expose", "configs"}


def merge(base, override):
    """Merges a compose file over another, as docker compose does for mappings and these sequences."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            if key in merged and key in MERGED_SEQUENCES and isinstance(value, list):
                merged[key] = list(merged[key]) + [item for item in value if item not in merged[key]]
            elif key in merged:
                merged[key] = merge(merged[key], value)
            else:
                merged[key] = value
        return merged
    return override


def environment_of(service):
    environment = service.get("environment") or {}
    if isinstance(environment, list):
        environment = dict(item.split("=", 1) if "=" in item else (item, "") for item in environment)
    return environment


def secret_names(service):
    """The names under /run/secrets/ of the secrets a service mounts."""
    return [s if isinstance(s, str) else s.get("target", s.get("source")) for s in service.get("secrets") or []]


def client_security_problems(services):
    """With a login on Kafka or Cassandra, every client of it must carry the client settings."""
    kafka = environment_of(services.get("kafka") or {})
    kafka_sasl = "SASL_" in str(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", ""))
    cassandra_auth = "PasswordAuthenticator" in str((services.get("cassandra") or {}).get("command", ""))
    for name, service in services.items():
        environment = environment_of(service)
        if kafka_sasl and "PIPELINE_KAFKA_BOOTSTRAP_SERVERS" in environment:
            if "SASL_" not in str(environment.get("PIPELINE_KAFKA_SECURITY_PROTOCOL", "")):
                yield f"service {name}: Kafka demands SASL but PIPELINE_KAFKA_SECURITY_PROTOCOL is not SASL_*"
            if not {"PIPELINE_KAFKA_SASL_JAAS_CONFIG", "PIPELINE_KAFKA_SASL_JAAS_CONFIG_FILE"} & environment.keys():
                yield f"service {name}: Kafka demands SASL but PIPELINE_KAFKA_SASL_JAAS_CONFIG[_FILE] is not set"
        talks_to_cassandra = {"PIPELINE_CASSANDRA_CONTACT_POINTS", "PIPELINE_CASSANDRA_HOST"} & environment.keys()
        if cassandra_auth and talks_to_cassandra:
            if "PIPELINE_CASSANDRA_USERNAME" not in environment:
                yield f"service {name}: Cassandra demands a login but PIPELINE_CASSANDRA_USERNAME is not set"
            if not {"PIPELINE_CASSANDRA_PASSWORD", "PIPELINE_CASSANDRA_PASSWORD_FILE"} & environment.keys():
                yield f"service {name}: Cassandra demands a login but PIPELINE_CASSANDRA_PASSWORD[_FILE] is not set"


def problems(compose):
    services = compose.get("services") or {}
    declared_volumes = set((compose.get("volumes") or {}).keys())
    declared_secrets = set((compose.get("secrets") or {}).keys())
    yield from client_security_problems(services)
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
        for secret in service.get("secrets") or []:
            source = secret if isinstance(secret, str) else secret.get("source", "")
            if source not in declared_secrets:
                yield f"service {name}: secret {source} is not declared under secrets"
        environment = environment_of(service)
        for key, value in environment.items():
            if key.endswith("_FILE") and str(value).startswith("/run/secrets/"):
                secret = str(value)[len("/run/secrets/"):]
                if secret not in secret_names(service):
                    yield f"service {name}: {key} reads /run/secrets/{secret} but the service has no such secret"
            text = "" if value is None else str(value)
            # a *_FILE variable names where a secret is (a Docker secret), not the secret itself
            if SECRET_KEY.search(key) and not key.endswith("_FILE") and text and not INTERPOLATED.search(text):
                yield f"service {name}: {key} holds a literal secret; take it from infra/.env as ${{{key}}}"
            if "@" in text and re.search(r"://[^/]*:[^/$@]+@", text) and not INTERPOLATED.search(text):
                yield f"service {name}: {key} has a password in its URL; take it from infra/.env"


def main(paths):
    compose = {}
    for path in paths:
        compose = merge(compose, YAML(typ="safe").load(open(path, encoding="utf-8")))
    label = " + ".join(paths)
    found = list(problems(compose))
    for problem in found:
        print(f"{label}: {problem}")
    if found:
        return 1
    print(f"{label}: ok, {len(compose['services'])} services follow the project's compose rules")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["infra/docker-compose.yml"]))
