using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gem.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class I13bCloseTheLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Offers_PartnerId",
                table: "Offers");

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Offers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Enrolments",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SmsMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    ClaimedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SmsMessages_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Offers_PartnerId_ImportKey",
                table: "Offers",
                columns: new[] { "PartnerId", "ImportKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_Code",
                table: "Enrolments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmsMessages_EnrolmentId",
                table: "SmsMessages",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SmsMessages_Key",
                table: "SmsMessages",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmsMessages_SentAt_FailedAt_DueAt",
                table: "SmsMessages",
                columns: new[] { "SentAt", "FailedAt", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SmsMessages");

            migrationBuilder.DropIndex(
                name: "IX_Offers_PartnerId_ImportKey",
                table: "Offers");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_Code",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_Offers_PartnerId",
                table: "Offers",
                column: "PartnerId");
        }
    }
}
