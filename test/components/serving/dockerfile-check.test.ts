import { dockerfileProblems, execForm, parseDockerfile } from "../../../components/serving/dockerfile-check";

/** A Dockerfile that passes every rule; each test breaks one thing. */
const GOOD = [
    "# syntax=docker/dockerfile:1",
    "FROM python:3.12.8-slim-bookworm",
    "ENV PORT=8080 \\",
    "    MODEL_PATH=/app/model/model.json",
    "COPY app/ /app/app/",
    "USER 10001:10001",
    "EXPOSE 8080",
    'ENTRYPOINT ["python", "-m", "app.server"]',
].join("\n");

const rules = (text: string, port = 8080): string[] => dockerfileProblems(text, { port }).map((p) => `${p.line} ${p.rule}`);
const replace = (from: string, to: string): string => {
    expect(GOOD).toContain(from);
    return GOOD.replace(from, to);
};

describe("parseDockerfile", () => {
    test("keywords, continuations, comments inside a continuation, start lines", () => {
        const text = ["# syntax=docker/dockerfile:1", "", "from alpine:3.20 AS base", "RUN apk add \\", "  # a comment inside", "  curl", "run echo ok"].join("\n");
        expect(parseDockerfile(text)).toEqual([
            { keyword: "FROM", args: "alpine:3.20 AS base", line: 3 },
            { keyword: "RUN", args: "apk add curl", line: 4 },
            { keyword: "RUN", args: "echo ok", line: 7 },
        ]);
    });

    test("what it does not read is refused, not misread", () => {
        expect(() => parseDockerfile("# escape=`\nFROM x:1")).toThrow(/escape directive/);
        expect(() => parseDockerfile("FROM x:1\nRUN <<EOF\necho\nEOF")).toThrow(/heredocs/);
    });

    test("exec form", () => {
        expect(execForm('["python", "-m", "app"]')).toEqual(["python", "-m", "app"]);
        expect(execForm("python -m app")).toBeUndefined();
        expect(execForm("[python]")).toBeUndefined();
    });
});

describe("dockerfileProblems", () => {
    test("the good file passes", () => {
        expect(rules(GOOD)).toEqual([]);
    });

    test.each([
        ["FROM python:3.12.8-slim-bookworm", "FROM python", "2 from-pinned"],
        ["FROM python:3.12.8-slim-bookworm", "FROM python:latest", "2 from-pinned"],
        ["FROM python:3.12.8-slim-bookworm", "FROM ${BASE}", "2 from-pinned"],
        ["USER 10001:10001", "USER root", "6 user-non-root"],
        ["USER 10001:10001", "USER 0:0", "6 user-non-root"],
        ["USER 10001:10001", "USER scoring", "6 user-non-root"],
        ["USER 10001:10001\n", "", "2 user-non-root"],
        ["EXPOSE 8080", "EXPOSE 9090", "2 expose-port"],
        ['ENTRYPOINT ["python", "-m", "app.server"]', "ENTRYPOINT python -m app.server", "8 exec-form"],
        ["COPY app/ /app/app/", "ADD https://example.com/model.bin /app/", "5 no-remote-add"],
        ["COPY app/ /app/app/", "ADD git@github.com:contoso/models.git /app/", "5 no-remote-add"],
        ["COPY app/ /app/app/", "COPY .env /app/", "5 no-secrets"],
        ["COPY app/ /app/app/", "COPY --chown=10001 certs/server.pem /app/", "5 no-secrets"],
        ["COPY app/ /app/app/", "ENV DB_PASSWORD=hunter2", "5 no-secrets"],
        ["COPY app/ /app/app/", "ARG API_KEY=abc", "5 no-secrets"],
        ["COPY app/ /app/app/", 'ENV STORAGE="DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc=="', "5 no-secrets"],
    ])("%s -> %s is refused (%s)", (from, to, expected) => {
        expect(rules(replace(from, to))).toContain(expected);
    });

    test("an ENV PORT that disagrees with EXPOSE or the server is refused", () => {
        const text = replace("ENV PORT=8080", "ENV PORT=9000");
        expect(rules(text)).toEqual(["3 expose-port", "3 expose-port"]);
    });

    test("a secret-named ARG without a value (a build argument declared, not baked in) passes", () => {
        expect(rules(replace("COPY app/ /app/app/", "ARG PIP_INDEX_TOKEN\nCOPY app/ /app/app/"))).toEqual([]);
    });

    test("digest-pinned bases, earlier stages and scratch pass; only the final stage's USER counts", () => {
        const multi = [
            `FROM python:3.12.8-slim-bookworm@sha256:${"a".repeat(64)} AS build`,
            "USER 10001",
            "FROM build AS test",
            "FROM gcr.io/distroless/python3-debian12:nonroot",
            "COPY --from=build /app /app",
            "EXPOSE 8080",
            'CMD ["app.py"]',
        ].join("\n");
        expect(rules(multi)).toEqual(["4 user-non-root"]);
        expect(rules(`${multi}\nUSER 65532`)).toEqual([]);
        expect(rules('FROM scratch\nCOPY app /app\nUSER 1000\nEXPOSE 8080\nENTRYPOINT ["/app"]')).toEqual([]);
    });

    test("no FROM at all", () => {
        expect(rules("RUN echo")).toEqual(["1 from-pinned"]);
    });
});
