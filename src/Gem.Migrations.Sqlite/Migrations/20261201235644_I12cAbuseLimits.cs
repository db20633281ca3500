using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gem.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I12cAbuseLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RateCounters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateCounters", x => x.Key);
                });

            // Rows from before the rule: keep the first open watch and the first active enrolment per contact and session.
            // Cancelled duplicates keep their seat counted (never more people than seats); staff see them as cancelled.
            migrationBuilder.Sql("""
                DELETE FROM "SeatWatches" WHERE "NotifiedAt" IS NULL AND EXISTS (SELECT 1 FROM "SeatWatches" o
                    WHERE o."SessionId" = "SeatWatches"."SessionId" AND o."Email" = "SeatWatches"."Email" AND o."NotifiedAt" IS NULL AND o."Id" < "SeatWatches"."Id")
                """);
            migrationBuilder.Sql("""
                UPDATE "Enrolments" SET "Status" = 3 WHERE "Status" <> 3 AND "Email" IS NOT NULL AND EXISTS (SELECT 1 FROM "Enrolments" o
                    WHERE o."SessionId" = "Enrolments"."SessionId" AND o."Email" = "Enrolments"."Email" AND o."Status" <> 3 AND o."Id" < "Enrolments"."Id")
                """);
            migrationBuilder.Sql("""
                UPDATE "Enrolments" SET "Status" = 3 WHERE "Status" <> 3 AND "Phone" IS NOT NULL AND EXISTS (SELECT 1 FROM "Enrolments" o
                    WHERE o."SessionId" = "Enrolments"."SessionId" AND o."Phone" = "Enrolments"."Phone" AND o."Status" <> 3 AND o."Id" < "Enrolments"."Id")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_SeatWatches_Open",
                table: "SeatWatches",
                columns: new[] { "SessionId", "Email" },
                unique: true,
                filter: "\"NotifiedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_ActiveEmail",
                table: "Enrolments",
                columns: new[] { "SessionId", "Email" },
                unique: true,
                filter: "\"Status\" <> 3 AND \"Email\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_ActivePhone",
                table: "Enrolments",
                columns: new[] { "SessionId", "Phone" },
                unique: true,
                filter: "\"Status\" <> 3 AND \"Phone\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RateCounters_ExpiresAt",
                table: "RateCounters",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RateCounters");

            migrationBuilder.DropIndex(
                name: "IX_SeatWatches_Open",
                table: "SeatWatches");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_ActiveEmail",
                table: "Enrolments");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_ActivePhone",
                table: "Enrolments");
        }
    }
}
