"""Sample scoring service: a linear model behind a small HTTP API (Python standard library only).

Routes
  POST /score          {"instances": [[x1, x2, ...], ...]} or {"instances": [{"<feature>": x, ...}, ...]}
                       -> {"predictions": [...], "model": {"name": ..., "version": ...}}
  GET  /healthz/live   200 while the process serves requests (liveness probe)
  GET  /healthz/ready  200 once the model is loaded, 503 before or when loading failed (readiness probe)

Settings (environment)
  PORT        port to listen on (default 8080, the port the Dockerfile exposes; 0 picks a free one)
  HOST        address to bind (default 0.0.0.0; the tests bind 127.0.0.1)
  MODEL_PATH  the model file (default model/model.json next to the app folder)

The model is loaded after the socket is listening, so the liveness probe answers while the model
loads and the readiness probe keeps traffic away until it has. Errors are JSON
({"error": {"code": ..., "message": ...}}); request bodies are never logged. SIGTERM (what
Kubernetes and Azure send before stopping a container) stops the server cleanly.
"""

import json
import math
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DEFAULT_PORT = 8080
MAX_BODY_BYTES = 1024 * 1024
MAX_INSTANCES = 1000
DEFAULT_MODEL_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "model", "model.json")


LOG_LOCK = threading.Lock()


def log(event, **fields):
    """One JSON line on stdout: what a log collector (Container Insights, Log Analytics) parses."""
    record = {"time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "event": event}
    record.update(fields)
    with LOG_LOCK:  # request threads and the model loader log concurrently: keep lines whole
        sys.stdout.write(json.dumps(record) + "\n")
        sys.stdout.flush()


class ModelError(Exception):
    """The model file is missing or not a linear model."""


class LinearModel:
    """y = intercept + sum(coefficient_i * x_i), features named and ordered by the model file."""

    def __init__(self, name, version, features, coefficients, intercept):
        self.name = name
        self.version = version
        self.features = features
        self.coefficients = coefficients
        self.intercept = intercept

    @staticmethod
    def load(path):
        try:
            with open(path, "r", encoding="utf-8") as f:
                raw = json.load(f)
        except OSError as e:
            raise ModelError(f"cannot read {path}: {e.strerror}") from None
        except ValueError as e:
            raise ModelError(f"{path} is not JSON: {e}") from None
        if not isinstance(raw, dict):
            raise ModelError(f"{path}: expected an object")
        features = raw.get("features")
        coefficients = raw.get("coefficients")
        intercept = raw.get("intercept")
        if not isinstance(features, list) or not features or not all(isinstance(n, str) and n for n in features):
            raise ModelError(f"{path}: features must be a non-empty list of names")
        if len(set(features)) != len(features):
            raise ModelError(f"{path}: feature names must be unique")
        if not isinstance(coefficients, list) or len(coefficients) != len(features) or not all(is_number(c) for c in coefficients):
            raise ModelError(f"{path}: coefficients must be {len(features)} finite numbers, one per feature")
        if not is_number(intercept):
            raise ModelError(f"{path}: intercept must be a finite number")
        return LinearModel(str(raw.get("name", "model")), str(raw.get("version", "")), features, coefficients, intercept)

    def row(self, instance, index):
        """The feature vector of one instance (a list in feature order, or an object by feature name)."""
        if isinstance(instance, dict):
            missing = [n for n in self.features if n not in instance]
            unknown = sorted(k for k in instance if k not in self.features)
            if missing or unknown:
                parts = []
                if missing:
                    parts.append("missing " + ", ".join(missing))
                if unknown:
                    parts.append("unknown " + ", ".join(unknown))
                raise BadRequest("bad_instance", f"instances[{index}]: {'; '.join(parts)} (features: {', '.join(self.features)})")
            values = [instance[n] for n in self.features]
        elif isinstance(instance, list):
            if len(instance) != len(self.features):
                raise BadRequest("bad_instance", f"instances[{index}]: {len(instance)} values, the model takes {len(self.features)} ({', '.join(self.features)})")
            values = instance
        else:
            raise BadRequest("bad_instance", f"instances[{index}]: expected a list of numbers or an object by feature name")
        for position, value in enumerate(values):
            if not is_number(value):
                raise BadRequest("bad_instance", f"instances[{index}]: {self.features[position]} is not a finite number")
        return values

    def predict(self, rows):
        return [self.intercept + sum(c * x for c, x in zip(self.coefficients, r)) for r in rows]


def is_number(value):
    # bool is an int in Python; a JSON true is not a feature value.
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


class BadRequest(Exception):
    def __init__(self, code, message, status=400):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


class State:
    """What the probes report: the loaded model, or why there is none."""

    def __init__(self):
        self.model = None
        self.error = None
        self.lock = threading.Lock()

    def load(self, path):
        try:
            model = LinearModel.load(path)
        except ModelError as e:
            with self.lock:
                self.error = str(e)
            log("model_load_failed", error=str(e))
            return
        with self.lock:
            self.model = model
        log("model_loaded", name=model.name, version=model.version, features=len(model.features))


def make_handler(state):
    class Handler(BaseHTTPRequestHandler):
        server_version = "scoring-app"
        sys_version = ""

        def log_message(self, fmt, *args):  # the default writes unstructured lines to stderr
            pass

        def send_json(self, status, body):
            data = json.dumps(body).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)
            log("request", method=self.command, path=self.path, status=status)

        def send_error_json(self, status, code, message):
            self.send_json(status, {"error": {"code": code, "message": message}})

        def do_GET(self):
            if self.path == "/healthz/live":
                return self.send_json(200, {"status": "live"})
            if self.path == "/healthz/ready":
                with state.lock:
                    model, error = state.model, state.error
                if model is not None:
                    return self.send_json(200, {"status": "ready", "model": {"name": model.name, "version": model.version}})
                return self.send_json(503, {"status": "not ready", "reason": error or "model loading"})
            if self.path == "/score":
                return self.send_error_json(405, "method_not_allowed", "use POST /score")
            return self.send_error_json(404, "not_found", f"no route {self.path}")

        def do_POST(self):
            if self.path != "/score":
                if self.path in ("/healthz/live", "/healthz/ready"):
                    return self.send_error_json(405, "method_not_allowed", f"use GET {self.path}")
                return self.send_error_json(404, "not_found", f"no route {self.path}")
            try:
                self.send_json(200, self.score())
            except BadRequest as e:
                self.send_error_json(e.status, e.code, e.message)

        def score(self):
            with state.lock:
                model = state.model
            if model is None:
                raise BadRequest("not_ready", "the model is not loaded yet", status=503)
            content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if content_type != "application/json":
                raise BadRequest("unsupported_media_type", "send Content-Type: application/json", status=415)
            length_header = self.headers.get("Content-Length")
            if length_header is None:
                raise BadRequest("length_required", "send Content-Length", status=411)
            try:
                length = int(length_header)
            except ValueError:
                raise BadRequest("bad_request", "Content-Length is not a number") from None
            if length < 0 or length > MAX_BODY_BYTES:
                raise BadRequest("too_large", f"the body is limited to {MAX_BODY_BYTES} bytes", status=413)
            raw = self.rfile.read(length)
            try:
                body = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                raise BadRequest("invalid_json", "the body is not valid JSON") from None
            if not isinstance(body, dict) or "instances" not in body:
                raise BadRequest("missing_instances", 'expected {"instances": [...]}')
            instances = body["instances"]
            if not isinstance(instances, list) or not instances:
                raise BadRequest("missing_instances", "instances must be a non-empty list")
            if len(instances) > MAX_INSTANCES:
                raise BadRequest("too_many_instances", f"at most {MAX_INSTANCES} instances per request", status=413)
            rows = [model.row(instance, i) for i, instance in enumerate(instances)]
            return {"predictions": model.predict(rows), "model": {"name": model.name, "version": model.version}}

    return Handler


def main():
    try:
        port = int(os.environ.get("PORT", str(DEFAULT_PORT)))
        if not 0 <= port < 65536:
            raise ValueError
    except ValueError:
        log("bad_setting", setting="PORT", value=os.environ.get("PORT"))
        return 2
    host = os.environ.get("HOST", "0.0.0.0")
    model_path = os.environ.get("MODEL_PATH", DEFAULT_MODEL_PATH)
    state = State()
    server = ThreadingHTTPServer((host, port), make_handler(state))
    server.daemon_threads = True

    def shut_down(signum):
        log("stopping", signal=signum)
        server.shutdown()

    def stop(signum, _frame):
        # The handler runs on the main thread between two bytecodes, possibly inside a write to
        # stdout (writing again there raises "reentrant call"); and shutdown() waits for
        # serve_forever, which runs on this same thread. So both happen on another thread.
        threading.Thread(target=shut_down, args=(signum,), daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log("listening", host=host, port=server.server_address[1])
    threading.Thread(target=state.load, args=(model_path,), daemon=True).start()
    server.serve_forever()
    server.server_close()
    log("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
