using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gem.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class I20Community : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommunityHarmsSurvey",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Harmed = table.Column<bool>(type: "boolean", nullable: false),
                    AboutModeration = table.Column<bool>(type: "boolean", nullable: false),
                    Excluded = table.Column<bool>(type: "boolean", nullable: false),
                    Contagion = table.Column<bool>(type: "boolean", nullable: false),
                    FeelsSafe = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityHarmsSurvey", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommunityMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Handle = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    IsNaaste = table.Column<bool>(type: "boolean", nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedPosts = table.Column<int>(type: "integer", nullable: false),
                    Strikes = table.Column<int>(type: "integer", nullable: false),
                    SuspendedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PauseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PreModerated = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityModerators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    OnDuty = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityModerators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityModerators_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunitySpaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Domain = table.Column<int>(type: "integer", nullable: false),
                    OfferId = table.Column<Guid>(type: "uuid", nullable: true),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsYouth = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunitySpaces", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunitySpaces_Offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "Offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityThreads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    AuthorMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastPostAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Visible = table.Column<bool>(type: "boolean", nullable: false),
                    OpeningPostId = table.Column<Guid>(type: "uuid", nullable: true),
                    PublicQuestionId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityThreads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityThreads_CommunityMembers_AuthorMemberId",
                        column: x => x.AuthorMemberId,
                        principalTable: "CommunityMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CommunityThreads_CommunitySpaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "CommunitySpaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityPosts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorKind = table.Column<int>(type: "integer", nullable: false),
                    AuthorMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Body = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: false),
                    Html = table.Column<string>(type: "character varying(24000)", maxLength: 24000, nullable: false),
                    ContentWarning = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    HoldReason = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VisibleAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Flags = table.Column<int>(type: "integer", nullable: false),
                    FirstFlagAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ModeratedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityPosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityPosts_CommunityMembers_AuthorMemberId",
                        column: x => x.AuthorMemberId,
                        principalTable: "CommunityMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommunityPosts_CommunityThreads_ThreadId",
                        column: x => x.ThreadId,
                        principalTable: "CommunityThreads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityFlags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PostId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityFlags_CommunityMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "CommunityMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommunityFlags_CommunityPosts_PostId",
                        column: x => x.PostId,
                        principalTable: "CommunityPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityModerationActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    PostId = table.Column<Guid>(type: "uuid", nullable: true),
                    ModeratorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Appeal = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AppealedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AppealOutcome = table.Column<int>(type: "integer", nullable: true),
                    AppealAnswer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AppealDecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityModerationActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityModerationActions_CommunityMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "CommunityMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CommunityModerationActions_CommunityPosts_PostId",
                        column: x => x.PostId,
                        principalTable: "CommunityPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityFlags_MemberId_At",
                table: "CommunityFlags",
                columns: new[] { "MemberId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityFlags_PostId_MemberId",
                table: "CommunityFlags",
                columns: new[] { "PostId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityHarmsSurvey_Day",
                table: "CommunityHarmsSurvey",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityMembers_Handle",
                table: "CommunityMembers",
                column: "Handle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityMembers_UserId",
                table: "CommunityMembers",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityModerationActions_AppealedAt",
                table: "CommunityModerationActions",
                column: "AppealedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityModerationActions_MemberId_At",
                table: "CommunityModerationActions",
                columns: new[] { "MemberId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityModerationActions_PostId",
                table: "CommunityModerationActions",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityModerators_UserId",
                table: "CommunityModerators",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityPosts_AuthorMemberId",
                table: "CommunityPosts",
                column: "AuthorMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityPosts_Status_CreatedAt",
                table: "CommunityPosts",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityPosts_ThreadId_CreatedAt",
                table: "CommunityPosts",
                columns: new[] { "ThreadId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunitySpaces_Kind_OfferId",
                table: "CommunitySpaces",
                columns: new[] { "Kind", "OfferId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunitySpaces_OfferId",
                table: "CommunitySpaces",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunitySpaces_Slug",
                table: "CommunitySpaces",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityThreads_AuthorMemberId",
                table: "CommunityThreads",
                column: "AuthorMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityThreads_SpaceId_Visible_LastPostAt",
                table: "CommunityThreads",
                columns: new[] { "SpaceId", "Visible", "LastPostAt" });

            // Full-text search (decision 904): a GIN index on the Dutch text-search vector of each post.
            migrationBuilder.Sql("CREATE INDEX \"IX_CommunityPosts_Fts\" ON \"CommunityPosts\" USING GIN (to_tsvector('dutch'::regconfig, \"Body\"));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_CommunityPosts_Fts\";");
            migrationBuilder.DropTable(
                name: "CommunityFlags");

            migrationBuilder.DropTable(
                name: "CommunityHarmsSurvey");

            migrationBuilder.DropTable(
                name: "CommunityModerationActions");

            migrationBuilder.DropTable(
                name: "CommunityModerators");

            migrationBuilder.DropTable(
                name: "CommunityPosts");

            migrationBuilder.DropTable(
                name: "CommunityThreads");

            migrationBuilder.DropTable(
                name: "CommunityMembers");

            migrationBuilder.DropTable(
                name: "CommunitySpaces");
        }
    }
}
