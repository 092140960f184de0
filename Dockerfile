# syntax=docker/dockerfile:1
# Multi-stage build: a static sakebot binary (pure Go, no cgo) on a
# distroless base, running as a non-root user.

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/sakebot ./cmd/sakebot

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/sakebot /usr/local/bin/sakebot
# SQLite (the default) keeps its file here; mount a volume, or set
# DATABASE_URL=postgres://… for production.
WORKDIR /data
ENV ADDR=:8080 DATABASE_URL=sqlite:/data/sakebot.db LOG_FORMAT=json
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/sakebot"]
CMD ["serve"]
