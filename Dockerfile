# The app (./pipeline serve) as an image, for infra/docker-compose.yml. Build from the project root:
#   docker build -t user-pipeline-app .
# The Spark sidecar is not in this image: compose runs its cluster jar on the official Spark image.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY src ./src
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app pipeline
WORKDIR /app
COPY --from=build /src/target/pipeline.jar /app/pipeline.jar
COPY --from=build /src/target/lib /app/lib
USER pipeline
EXPOSE 8080
# Every option also comes from PIPELINE_<OPTION> variables (see README, Configuration).
# The default command serves on every interface, so it needs a bearer token of 32+ characters in
# PIPELINE_API_TOKEN (or a file named by PIPELINE_API_TOKEN_FILE, e.g. a Docker secret under
# /run/secrets): without one it refuses to start, saying so in one line (docs/security.md).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-cp", "/app/pipeline.jar:/app/lib/*", "cli.Pipeline"]
CMD ["serve", "--http-host", "0.0.0.0", "--work-dir", "/app/work"]
